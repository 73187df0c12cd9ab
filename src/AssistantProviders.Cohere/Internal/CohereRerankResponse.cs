// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The answer of <c>v2/rerank</c>.</summary>
internal sealed class CohereRerankResponse
{
    public string? Id { get; set; }

    public List<CohereRerankItem>? Results { get; set; }

    public CohereMeta? Meta { get; set; }
}
