// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>A chat message (request), a response message, or a stream delta.</summary>
internal sealed class WireMessage
{
    public string? Role { get; set; }

    [JsonConverter(typeof(WireContentConverter))]
    public WireContent? Content { get; set; }

    public string? Name { get; set; }

    public List<WireToolCall>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }

    /// <summary>Reasoning text (DeepSeek-style <c>reasoning_content</c>, Groq <c>reasoning</c>).</summary>
    public string? ReasoningContent { get; set; }

    public string? Reasoning { get; set; }

    public string? Refusal { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
