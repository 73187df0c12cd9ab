// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>Weaviate's <c>ErrorResponse</c>: <c>{"error":[{"message":"..."}]}</c>.</summary>
internal sealed class WeaviateErrorList
{
    public List<WeaviateErrorMessage>? Error { get; init; }
}
