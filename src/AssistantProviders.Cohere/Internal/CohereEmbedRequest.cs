// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The body of <c>POST v2/embed</c>.</summary>
internal sealed class CohereEmbedRequest
{
    public string Model { get; set; } = string.Empty;

    public IReadOnlyList<string> Texts { get; set; } = [];

    public string InputType { get; set; } = CohereProvider.DefaultInputType;

    public List<string> EmbeddingTypes { get; set; } = ["float"];

    public int? OutputDimension { get; set; }

    public string? Truncate { get; set; }
}
