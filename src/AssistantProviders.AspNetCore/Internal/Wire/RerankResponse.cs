// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>Cohere's rerank response: results best first, each with the document's index and relevance score.</summary>
internal sealed class RerankResponse
{
    public string Id { get; set; } = string.Empty;

    public List<WireRerankResult> Results { get; set; } = [];

    public string? Model { get; set; }

    public WireRouteInfo? AssistantProviders { get; set; }
}
