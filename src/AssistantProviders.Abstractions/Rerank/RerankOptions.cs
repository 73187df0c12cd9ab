// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>Options for <see cref="IRerankClient.RerankAsync"/>.</summary>
public sealed class RerankOptions
{
    /// <summary>Gets or sets the model id, or <c>provider/model</c> when routed. <see langword="null"/> uses the provider default.</summary>
    public string? ModelId { get; set; }

    /// <summary>Gets or sets how many results to return. <see langword="null"/> returns every document.</summary>
    public int? TopN { get; set; }

    /// <summary>Gets or sets vendor-specific knobs, read under the vendor's <c>public const</c> keys.</summary>
    public AdditionalPropertiesDictionary? AdditionalProperties { get; set; }

    /// <summary>Creates a shallow copy of these options.</summary>
    /// <returns>The copy.</returns>
    public RerankOptions Clone() => new()
    {
        ModelId = ModelId,
        TopN = TopN,
        AdditionalProperties = AdditionalProperties?.Clone(),
    };
}
