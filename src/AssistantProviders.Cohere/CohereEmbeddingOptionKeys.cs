// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere;

/// <summary>Cohere-only knobs read from <c>EmbeddingGenerationOptions.AdditionalProperties</c>.</summary>
public static class CohereEmbeddingOptionKeys
{
    /// <summary>
    /// The required <c>input_type</c> (<see cref="string"/>): <c>search_document</c> (the default, for texts you index),
    /// <c>search_query</c> (use it for search queries), <c>classification</c> or <c>clustering</c>.
    /// </summary>
    public const string InputType = "cohere.input_type";

    /// <summary>How over-long inputs are handled (<see cref="string"/>): <c>NONE</c>, <c>START</c> or <c>END</c>.</summary>
    public const string Truncate = "cohere.truncate";

    /// <summary>The <c>input_type</c> for texts you store and search over.</summary>
    public const string SearchDocument = "search_document";

    /// <summary>The <c>input_type</c> for search queries.</summary>
    public const string SearchQuery = "search_query";
}
