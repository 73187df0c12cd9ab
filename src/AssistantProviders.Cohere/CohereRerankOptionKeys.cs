// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere;

/// <summary>Cohere-only knobs read from <c>RerankOptions.AdditionalProperties</c>, and Cohere usage keys.</summary>
public static class CohereRerankOptionKeys
{
    /// <summary>Options: the most tokens of each document the model reads (<see cref="int"/>, <c>max_tokens_per_doc</c>; Cohere's default 4096).</summary>
    public const string MaxTokensPerDoc = "cohere.max_tokens_per_doc";

    /// <summary>Usage: the <c>UsageDetails.AdditionalCounts</c> key of billed search units (rerank calls and grounded chat).</summary>
    public const string SearchUnitsUsageKey = "SearchUnits";
}
