// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary><c>stream_options</c>.</summary>
internal sealed class WireStreamOptions
{
    public bool IncludeUsage { get; set; }
}
