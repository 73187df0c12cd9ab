// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cohere.Internal;

/// <summary>A content block: <c>text</c>, <c>thinking</c>, <c>image_url</c> or <c>document</c> (tool results).</summary>
internal sealed class CohereContentPart
{
    public string Type { get; set; } = "text";

    public string? Text { get; set; }

    public string? Thinking { get; set; }

    public CohereImageUrl? ImageUrl { get; set; }

    public JsonElement? Document { get; set; }
}
