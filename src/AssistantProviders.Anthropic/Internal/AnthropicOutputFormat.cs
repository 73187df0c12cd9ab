// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Anthropic.Internal;

/// <summary><c>{"type":"json_schema","schema":{...}}</c>.</summary>
internal sealed class AnthropicOutputFormat
{
    public string Type { get; set; } = "json_schema";

    public JsonElement Schema { get; set; }
}
