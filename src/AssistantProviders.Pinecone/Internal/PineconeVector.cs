// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>A record on the data plane (<c>Vector</c>): id, dense values and metadata.</summary>
internal sealed class PineconeVector
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("values")]
    public float[]? Values { get; init; }

    [JsonPropertyName("metadata")]
    public JsonObject? Metadata { get; init; }
}
