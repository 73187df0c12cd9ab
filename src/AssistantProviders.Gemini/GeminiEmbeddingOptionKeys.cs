// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini;

/// <summary>Gemini-only knobs read from <c>EmbeddingGenerationOptions.AdditionalProperties</c>.</summary>
public static class GeminiEmbeddingOptionKeys
{
    /// <summary>
    /// The task type (<see cref="string"/>): <c>RETRIEVAL_DOCUMENT</c> for documents you index, <c>RETRIEVAL_QUERY</c> for search
    /// queries, <c>SEMANTIC_SIMILARITY</c>, <c>CLASSIFICATION</c>, <c>CLUSTERING</c>, <c>QUESTION_ANSWERING</c>, <c>FACT_VERIFICATION</c>.
    /// </summary>
    public const string TaskType = "gemini.task_type";

    /// <summary>A document title (<see cref="string"/>), only used with <c>RETRIEVAL_DOCUMENT</c>.</summary>
    public const string Title = "gemini.title";
}
