// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>The <c>result</c> of one batch object: <c>status</c> (<c>SUCCESS</c>/<c>FAILED</c>) and <c>errors</c>.</summary>
internal sealed class WeaviateBatchStatus
{
    public string? Status { get; init; }

    public WeaviateErrorList? Errors { get; init; }
}
