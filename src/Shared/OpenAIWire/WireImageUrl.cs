// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary><c>image_url</c> of a content part.</summary>
internal sealed class WireImageUrl
{
    public string Url { get; set; } = string.Empty;

    public string? Detail { get; set; }
}
