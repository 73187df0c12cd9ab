// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>One <c>{"message":"..."}</c> of an <c>ErrorResponse</c>.</summary>
internal sealed class WeaviateErrorMessage
{
    public string? Message { get; init; }
}
