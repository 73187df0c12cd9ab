// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Pinecone;

/// <summary>
/// The keys of Pinecone's extras in <c>AdditionalProperties</c>: knobs read from <c>EmbeddingGenerationOptions</c> and
/// <c>RerankOptions</c>, their well-known values, and Pinecone usage keys.
/// </summary>
public static class PineconePropertyNames
{
    /// <summary>
    /// Embedding options: the <c>input_type</c> parameter (<see cref="string"/>): <see cref="Passage"/> (the default, for texts you
    /// index) or <see cref="Query"/> (for search queries).
    /// </summary>
    public const string InputType = "pinecone.input_type";

    /// <summary>Embedding and rerank options: how over-long inputs are handled (<see cref="string"/>): <c>END</c> or <c>NONE</c>.</summary>
    public const string Truncate = "pinecone.truncate";

    /// <summary>The <c>input_type</c> for texts you store and search over.</summary>
    public const string Passage = "passage";

    /// <summary>The <c>input_type</c> for search queries.</summary>
    public const string Query = "query";

    /// <summary>The usage key (<c>UsageDetails.AdditionalCounts</c>) of the rerank units a rerank call was billed.</summary>
    public const string RerankUnitsUsageKey = "pinecone.rerank_units";
}
