// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary><c>usage.prompt_tokens_details</c>.</summary>
internal sealed class WirePromptTokensDetails
{
    public long? CachedTokens { get; set; }
}
