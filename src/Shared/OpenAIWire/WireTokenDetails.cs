// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary><c>prompt_tokens_details</c> / <c>completion_tokens_details</c>.</summary>
internal sealed class WireTokenDetails
{
    public long? CachedTokens { get; set; }

    public long? ReasoningTokens { get; set; }

    public long? AudioTokens { get; set; }
}
