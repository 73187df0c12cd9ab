// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /query</c> with a dense vector.</summary>
internal sealed class PineconeQueryRequest
{
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("topK")]
    public int TopK { get; init; }

    [JsonPropertyName("filter")]
    public JsonObject? Filter { get; init; }

    [JsonPropertyName("includeValues")]
    public bool IncludeValues { get; init; }

    [JsonPropertyName("includeMetadata")]
    public bool IncludeMetadata { get; init; }

    [JsonPropertyName("vector")]
    public required float[] Vector { get; init; }
}
