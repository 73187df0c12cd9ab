// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>One embedding.</summary>
internal sealed class WireEmbedding
{
    public int Index { get; set; }

    public float[]? Embedding { get; set; }
}
