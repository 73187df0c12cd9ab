// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>One reranked document: its index in the request and its score (0..1).</summary>
internal sealed class PineconeRankedDocument
{
    [JsonPropertyName("index")]
    public int Index { get; init; }

    [JsonPropertyName("score")]
    public double Score { get; init; }
}
