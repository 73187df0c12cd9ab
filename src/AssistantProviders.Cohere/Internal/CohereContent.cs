// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Cohere.Internal;

/// <summary>A message's <c>content</c>: plain text (sent as a JSON string) or a list of content blocks.</summary>
[JsonConverter(typeof(CohereContentConverter))]
internal sealed class CohereContent
{
    public string? Text { get; set; }

    public List<CohereContentPart>? Parts { get; set; }
}
