// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>The <c>/embed</c> response (<c>EmbeddingsList</c>).</summary>
internal sealed class PineconeEmbedResponse
{
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("vector_type")]
    public string? VectorType { get; init; }

    [JsonPropertyName("data")]
    public List<PineconeEmbedding>? Data { get; init; }

    [JsonPropertyName("usage")]
    public PineconeInferenceUsage? Usage { get; init; }
}
