// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Ollama.Internal;

/// <summary>The function part of a tool call.</summary>
internal sealed class OllamaFunctionCall
{
    public int? Index { get; set; }

    public string? Name { get; set; }

    public JsonElement? Arguments { get; set; }
}
