// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>ContentEmbedding</c>.</summary>
internal sealed class GeminiContentEmbedding
{
    public float[]? Values { get; set; }
}
