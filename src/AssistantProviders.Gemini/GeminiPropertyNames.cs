// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini;

/// <summary>
/// The keys of Gemini's extras in <c>AdditionalProperties</c>: knobs read from <c>ChatOptions</c> and <c>EmbeddingGenerationOptions</c>,
/// and Gemini-only values on responses and contents.
/// </summary>
public static class GeminiPropertyNames
{
    /// <summary>Options: the thinking budget in tokens (<see cref="int"/>; <c>0</c> turns thinking off on 2.5 Flash, <c>-1</c> is dynamic).</summary>
    public const string ThinkingBudget = "gemini.thinking_budget";

    /// <summary>Options: <see langword="true"/> to receive thought summaries as <c>TextReasoningContent</c>.</summary>
    public const string IncludeThoughts = "gemini.include_thoughts";

    /// <summary>
    /// Content: the opaque <c>thoughtSignature</c> Gemini attached to a text or function-call part. It is kept in the
    /// content's <c>AdditionalProperties</c> and sent back on the next turn, as Gemini 2.5+ and 3 require for tool calls.
    /// </summary>
    public const string ThoughtSignature = "gemini.thought_signature";

    /// <summary>
    /// Embedding options: the task type (<see cref="string"/>): <c>RETRIEVAL_DOCUMENT</c> for documents you index, <c>RETRIEVAL_QUERY</c> for search
    /// queries, <c>SEMANTIC_SIMILARITY</c>, <c>CLASSIFICATION</c>, <c>CLUSTERING</c>, <c>QUESTION_ANSWERING</c>, <c>FACT_VERIFICATION</c>.
    /// </summary>
    public const string TaskType = "gemini.task_type";

    /// <summary>Embedding options: a document title (<see cref="string"/>), only used with <c>RETRIEVAL_DOCUMENT</c>.</summary>
    public const string Title = "gemini.title";
}
