// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>A Message object: the non-streamed answer, or the <c>message</c> of a <c>message_start</c> event.</summary>
internal sealed class AnthropicMessageResponse
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Role { get; set; }

    public string? Model { get; set; }

    public List<AnthropicContentBlock>? Content { get; set; }

    public string? StopReason { get; set; }

    public string? StopSequence { get; set; }

    public AnthropicUsage? Usage { get; set; }
}
