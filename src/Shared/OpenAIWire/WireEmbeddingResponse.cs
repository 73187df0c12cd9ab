// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>POST /embeddings response body.</summary>
internal sealed class WireEmbeddingResponse
{
    public List<WireEmbedding>? Data { get; set; }

    public string? Model { get; set; }

    public WireUsage? Usage { get; set; }
}
