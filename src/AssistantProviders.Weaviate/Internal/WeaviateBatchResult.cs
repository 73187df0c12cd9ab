// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>One item of the <c>POST /v1/batch/objects</c> answer (an array): the object id and its <c>result</c>.</summary>
internal sealed class WeaviateBatchResult
{
    public string? Id { get; init; }

    public WeaviateBatchStatus? Result { get; init; }
}
