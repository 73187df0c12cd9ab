// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Ollama.Internal;

/// <summary>A chat message (request history, response message or stream chunk message).</summary>
internal sealed class OllamaMessage
{
    public string? Role { get; set; }

    /// <summary>The text; always written on requests (the API requires it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Content { get; set; } = string.Empty;

    public string? Thinking { get; set; }

    /// <summary>Base64-encoded images (no data: prefix).</summary>
    public List<string>? Images { get; set; }

    public List<OllamaToolCall>? ToolCalls { get; set; }

    /// <summary>On <c>tool</c> messages: the name of the function whose result this is.</summary>
    public string? ToolName { get; set; }
}
