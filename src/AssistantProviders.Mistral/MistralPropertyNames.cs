// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Mistral;

/// <summary>
/// Keys of Mistral-only request knobs, read from <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> and sent as the
/// request field of the same name.
/// </summary>
public static class MistralPropertyNames
{
    /// <summary><c>safe_prompt</c>: a boolean; injects Mistral's safety prompt before the conversation.</summary>
    public const string SafePrompt = "safe_prompt";

    /// <summary><c>prompt_mode</c>: <c>reasoning</c> selects the reasoning system prompt of reasoning models.</summary>
    public const string PromptMode = "prompt_mode";

    /// <summary><c>reasoning_effort</c>: <c>high</c> or <c>none</c> for reasoning models.</summary>
    public const string ReasoningEffort = "reasoning_effort";
}
