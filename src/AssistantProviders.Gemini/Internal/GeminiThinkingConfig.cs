// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>ThinkingConfig</c> (Gemini 2.5 and later).</summary>
internal sealed class GeminiThinkingConfig
{
    public int? ThinkingBudget { get; set; }

    public bool? IncludeThoughts { get; set; }
}
