// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The <c>embeddings</c> object of an embed answer, by type.</summary>
internal sealed class CohereEmbeddings
{
    public List<float[]>? Float { get; set; }
}
