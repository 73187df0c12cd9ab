// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Replicate.Internal;

/// <summary>The <c>urls</c> of a prediction.</summary>
internal sealed class ReplicateUrlsDto
{
    public string? Get { get; set; }

    public string? Cancel { get; set; }

    public string? Stream { get; set; }

    public string? Web { get; set; }
}
