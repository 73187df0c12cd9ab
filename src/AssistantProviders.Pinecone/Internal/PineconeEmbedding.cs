// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>One embedding of <c>/embed</c> (dense: <c>values</c>).</summary>
internal sealed class PineconeEmbedding
{
    [JsonPropertyName("values")]
    public float[]? Values { get; init; }

    [JsonPropertyName("vector_type")]
    public string? VectorType { get; init; }
}
