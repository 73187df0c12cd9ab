// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /vectors/fetch_by_metadata</c>.</summary>
internal sealed class PineconeFetchByMetadataRequest
{
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("filter")]
    public JsonObject? Filter { get; init; }

    [JsonPropertyName("limit")]
    public int Limit { get; init; }

    [JsonPropertyName("paginationToken")]
    public string? PaginationToken { get; init; }
}
