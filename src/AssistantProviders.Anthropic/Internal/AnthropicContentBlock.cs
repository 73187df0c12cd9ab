// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>
/// A content block, request or response: <c>text</c>, <c>image</c>, <c>document</c>, <c>tool_use</c>, <c>tool_result</c>,
/// <c>thinking</c>, <c>redacted_thinking</c>. Only the fields of its type are set.
/// </summary>
internal sealed class AnthropicContentBlock
{
    public string Type { get; set; } = "text";

    public string? Text { get; set; }

    public AnthropicSource? Source { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public JsonElement? Input { get; set; }

    public string? ToolUseId { get; set; }

    /// <summary>The text of a <c>tool_result</c> block.</summary>
    public string? Content { get; set; }

    public bool? IsError { get; set; }

    public string? Thinking { get; set; }

    public string? Signature { get; set; }

    /// <summary>The encrypted payload of a <c>redacted_thinking</c> block.</summary>
    public string? Data { get; set; }
}
