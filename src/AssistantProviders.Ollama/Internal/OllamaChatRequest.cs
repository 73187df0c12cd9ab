// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Ollama.Internal;

/// <summary>POST /api/chat request body.</summary>
internal sealed class OllamaChatRequest
{
    public string Model { get; set; } = string.Empty;

    public List<OllamaMessage> Messages { get; set; } = [];

    public List<OllamaTool>? Tools { get; set; }

    /// <summary><c>"json"</c> or a JSON schema object.</summary>
    public JsonElement? Format { get; set; }

    public OllamaModelOptions? Options { get; set; }

    public bool Stream { get; set; }

    /// <summary><c>true</c>/<c>false</c> or a level (<c>low</c>, <c>medium</c>, <c>high</c>, <c>max</c>).</summary>
    public JsonElement? Think { get; set; }

    /// <summary>A duration string (<c>5m</c>) or a number of seconds.</summary>
    public JsonElement? KeepAlive { get; set; }
}
