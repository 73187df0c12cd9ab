// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The body of <c>POST v2/rerank</c>.</summary>
internal sealed class CohereRerankRequest
{
    public string Model { get; set; } = string.Empty;

    public string Query { get; set; } = string.Empty;

    public IReadOnlyList<string> Documents { get; set; } = [];

    public int? TopN { get; set; }

    public int? MaxTokensPerDoc { get; set; }
}
