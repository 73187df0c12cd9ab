// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>One SSE event of a streamed Messages call (every event's data carries its <c>type</c>).</summary>
internal sealed class AnthropicStreamEvent
{
    public string? Type { get; set; }

    public AnthropicMessageResponse? Message { get; set; }

    public int? Index { get; set; }

    public AnthropicContentBlock? ContentBlock { get; set; }

    public AnthropicDelta? Delta { get; set; }

    public AnthropicUsage? Usage { get; set; }

    public JsonElement? Error { get; set; }
}
