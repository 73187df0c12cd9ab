// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The answer of <c>v2/embed</c>.</summary>
internal sealed class CohereEmbedResponse
{
    public string? Id { get; set; }

    public CohereEmbeddings? Embeddings { get; set; }

    public CohereMeta? Meta { get; set; }
}
