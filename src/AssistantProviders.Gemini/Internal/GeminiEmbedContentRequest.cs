// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>An <c>EmbedContentRequest</c> (alone for <c>:embedContent</c>, or one item of <c>:batchEmbedContents</c>).</summary>
internal sealed class GeminiEmbedContentRequest
{
    public string? Model { get; set; }

    public GeminiContent Content { get; set; } = new();

    public string? TaskType { get; set; }

    public string? Title { get; set; }

    public int? OutputDimensionality { get; set; }
}
