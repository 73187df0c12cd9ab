// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary><c>usage.completion_tokens_details</c>.</summary>
internal sealed class WireCompletionTokensDetails
{
    public long? ReasoningTokens { get; set; }
}
