// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>Token usage. <c>input_tokens</c> excludes cache reads and writes, which are reported separately.</summary>
internal sealed class AnthropicUsage
{
    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    public int? CacheCreationInputTokens { get; set; }

    public int? CacheReadInputTokens { get; set; }
}
