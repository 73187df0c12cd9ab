// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>The answer of <c>GET /v1/schema</c> (only the class names are read).</summary>
internal sealed class WeaviateSchema
{
    public List<WeaviateClassName>? Classes { get; init; }
}
