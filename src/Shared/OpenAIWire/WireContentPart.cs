// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>One content part: <c>{"type":"text","text"}</c> or <c>{"type":"image_url","image_url":{"url"}}</c>.</summary>
internal sealed class WireContentPart
{
    public string Type { get; set; } = "text";

    public string? Text { get; set; }

    public WireImageUrl? ImageUrl { get; set; }
}
