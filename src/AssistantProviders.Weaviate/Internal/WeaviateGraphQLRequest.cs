// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>The body of <c>POST /v1/graphql</c>.</summary>
internal sealed class WeaviateGraphQLRequest
{
    public required string Query { get; init; }
}
