// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>The answer of <c>:embedContent</c> (<see cref="Embedding"/>) or <c>:batchEmbedContents</c> (<see cref="Embeddings"/>).</summary>
internal sealed class GeminiEmbedContentResponse
{
    public GeminiContentEmbedding? Embedding { get; set; }

    public List<GeminiContentEmbedding>? Embeddings { get; set; }
}
