// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>One message of a chat request (any role).</summary>
internal sealed class WireChatMessage
{
    public string? Role { get; set; }

    /// <summary>Gets or sets the content: a string, an array of parts, or null.</summary>
    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public List<WireToolCall>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }

    public string? Refusal { get; set; }
}
