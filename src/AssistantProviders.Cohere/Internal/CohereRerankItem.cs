// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>One rerank result: the index in the caller's list and its relevance score.</summary>
internal sealed class CohereRerankItem
{
    public int Index { get; set; }

    public double RelevanceScore { get; set; }
}
