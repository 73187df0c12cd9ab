// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>Extended thinking: <c>{"type":"enabled","budget_tokens":N}</c>.</summary>
internal sealed class AnthropicThinking
{
    public string Type { get; set; } = "enabled";

    public int BudgetTokens { get; set; }
}
