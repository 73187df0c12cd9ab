// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /rerank</c> (inference plane).</summary>
internal sealed class PineconeRerankRequest
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("query")]
    public required string Query { get; init; }

    [JsonPropertyName("top_n")]
    public int? TopN { get; init; }

    [JsonPropertyName("return_documents")]
    public bool ReturnDocuments { get; init; }

    [JsonPropertyName("documents")]
    public required IReadOnlyList<PineconeTextInput> Documents { get; init; }

    [JsonPropertyName("parameters")]
    public JsonObject? Parameters { get; init; }
}
