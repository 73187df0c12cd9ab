// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>The <c>delta</c> of <c>content_block_delta</c> (text, partial JSON, thinking, signature) or of <c>message_delta</c> (stop reason).</summary>
internal sealed class AnthropicDelta
{
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? PartialJson { get; set; }

    public string? Thinking { get; set; }

    public string? Signature { get; set; }

    public string? StopReason { get; set; }

    public string? StopSequence { get; set; }
}
