// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>The <c>fetch</c> and <c>fetch_by_metadata</c> responses: a map of id to vector.</summary>
internal sealed class PineconeFetchResponse
{
    [JsonPropertyName("vectors")]
    public Dictionary<string, PineconeVector>? Vectors { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("pagination")]
    public PineconePagination? Pagination { get; init; }
}
