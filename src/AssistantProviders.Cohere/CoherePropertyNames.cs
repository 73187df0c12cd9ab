// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere;

/// <summary>
/// The keys of Cohere's extras in <c>AdditionalProperties</c>: knobs read from <c>ChatOptions</c>, <c>EmbeddingGenerationOptions</c>
/// and <c>RerankOptions</c>, their well-known values, and Cohere usage keys.
/// </summary>
public static class CoherePropertyNames
{
    /// <summary>
    /// Chat options: grounding documents for retrieval-augmented generation (<c>documents</c>). The value is an
    /// <c>IEnumerable&lt;string&gt;</c> (plain text documents) or an <c>IEnumerable&lt;IDictionary&lt;string, string&gt;&gt;</c>
    /// (fields such as <c>title</c>, <c>url</c>, <c>text</c>; an <c>id</c> field becomes the document id). The answer's
    /// citations come back as <c>CitationAnnotation</c>s on the text.
    /// </summary>
    public const string Documents = "cohere.documents";

    /// <summary>Chat options: the safety mode (<see cref="string"/>): <c>CONTEXTUAL</c>, <c>STRICT</c> or <c>OFF</c>.</summary>
    public const string SafetyMode = "cohere.safety_mode";

    /// <summary>
    /// Embedding options: the required <c>input_type</c> (<see cref="string"/>): <c>search_document</c> (the default, for texts you index),
    /// <c>search_query</c> (use it for search queries), <c>classification</c> or <c>clustering</c>.
    /// </summary>
    public const string InputType = "cohere.input_type";

    /// <summary>Embedding options: how over-long inputs are handled (<see cref="string"/>): <c>NONE</c>, <c>START</c> or <c>END</c>.</summary>
    public const string Truncate = "cohere.truncate";

    /// <summary>The <c>input_type</c> for texts you store and search over.</summary>
    public const string SearchDocument = "search_document";

    /// <summary>The <c>input_type</c> for search queries.</summary>
    public const string SearchQuery = "search_query";

    /// <summary>Rerank options: the most tokens of each document the model reads (<see cref="int"/>, <c>max_tokens_per_doc</c>; Cohere's default 4096).</summary>
    public const string MaxTokensPerDoc = "cohere.max_tokens_per_doc";

    /// <summary>Usage: the <c>UsageDetails.AdditionalCounts</c> key of billed search units (rerank calls and grounded chat).</summary>
    public const string SearchUnitsUsageKey = "SearchUnits";
}
