// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Ollama.Internal;

/// <summary>POST /api/embed request body.</summary>
internal sealed class OllamaEmbedRequest
{
    public string Model { get; set; } = string.Empty;

    public List<string> Input { get; set; } = [];

    public bool? Truncate { get; set; }

    public int? Dimensions { get; set; }

    public JsonElement? KeepAlive { get; set; }
}
