// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>The <c>usage</c> of an inference call: tokens (embed) or rerank units (rerank).</summary>
internal sealed class PineconeInferenceUsage
{
    [JsonPropertyName("total_tokens")]
    public long? TotalTokens { get; init; }

    [JsonPropertyName("rerank_units")]
    public long? RerankUnits { get; init; }
}
