// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Ollama.Internal;

/// <summary>POST /api/embed answer.</summary>
internal sealed class OllamaEmbedResponse
{
    public string? Model { get; set; }

    public List<float[]>? Embeddings { get; set; }

    public long? TotalDuration { get; set; }

    public long? LoadDuration { get; set; }

    public int? PromptEvalCount { get; set; }

    public JsonElement? Error { get; set; }
}
