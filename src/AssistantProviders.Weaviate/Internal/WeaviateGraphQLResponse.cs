// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>A GraphQL answer: <c>data</c>, and <c>errors</c> (which Weaviate sends with HTTP 200).</summary>
internal sealed class WeaviateGraphQLResponse
{
    public JsonElement Data { get; init; }

    public List<WeaviateGraphQLError>? Errors { get; init; }
}
