// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>The <c>/rerank</c> response.</summary>
internal sealed class PineconeRerankResponse
{
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("data")]
    public List<PineconeRankedDocument>? Data { get; init; }

    [JsonPropertyName("usage")]
    public PineconeInferenceUsage? Usage { get; init; }
}
