// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini;

/// <summary>Gemini-only knobs read from <c>ChatOptions.AdditionalProperties</c>, and Gemini-only values on responses.</summary>
public static class GeminiChatOptionKeys
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
}
