// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>The body of <c>models/{model}:batchEmbedContents</c>.</summary>
internal sealed class GeminiBatchEmbedContentsRequest
{
    public List<GeminiEmbedContentRequest> Requests { get; set; } = [];
}
