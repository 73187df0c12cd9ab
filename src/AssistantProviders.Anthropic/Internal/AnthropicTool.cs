// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>A client tool: <c>{"name","description","input_schema"}</c>.</summary>
internal sealed class AnthropicTool
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public JsonElement InputSchema { get; set; }
}
