// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared.OpenAIWire;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>OpenAI's own wire quirks: <c>max_completion_tokens</c> (required by reasoning models) instead of <c>max_tokens</c>.</summary>
internal sealed class OpenAIProfile : OpenAIWireProfile
{
    public static readonly OpenAIProfile Instance = new();

    public override bool UseMaxCompletionTokens => true;
}
