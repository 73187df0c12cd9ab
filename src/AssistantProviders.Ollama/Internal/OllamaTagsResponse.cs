// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>GET /api/tags answer: the locally available models.</summary>
internal sealed class OllamaTagsResponse
{
    public List<OllamaModelInfo>? Models { get; set; }
}
