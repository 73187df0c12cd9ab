// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>One model of GET /api/tags.</summary>
internal sealed class OllamaModelInfo
{
    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? ModifiedAt { get; set; }

    public long? Size { get; set; }

    public string? Digest { get; set; }

    public OllamaModelDetails? Details { get; set; }
}
