// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>One GraphQL error (<c>message</c>, <c>path</c>, <c>locations</c>).</summary>
internal sealed class WeaviateGraphQLError
{
    public string? Message { get; init; }

    public JsonElement Path { get; init; }
}
