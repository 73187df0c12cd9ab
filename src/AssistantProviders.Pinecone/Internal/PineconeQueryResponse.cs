// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>The <c>query</c> response: matches best first.</summary>
internal sealed class PineconeQueryResponse
{
    [JsonPropertyName("matches")]
    public List<PineconeScoredVector>? Matches { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }
}
