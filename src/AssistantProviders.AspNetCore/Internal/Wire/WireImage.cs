// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>One generated image: base64 or a URL.</summary>
internal sealed class WireImage
{
    public string? B64Json { get; set; }

    public string? Url { get; set; }

    public string? RevisedPrompt { get; set; }
}
