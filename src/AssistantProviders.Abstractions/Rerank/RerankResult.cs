// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>The result of a rerank call: the scored documents, best first.</summary>
public sealed class RerankResult
{
    /// <summary>Initializes a new instance of the <see cref="RerankResult"/> class.</summary>
    /// <param name="results">The scored documents, best first.</param>
    public RerankResult(IReadOnlyList<RerankedDocument> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
    }

    /// <summary>Gets the scored documents, highest relevance first.</summary>
    public IReadOnlyList<RerankedDocument> Results { get; }

    /// <summary>Gets or sets the model that produced the scores.</summary>
    public string? ModelId { get; set; }

    /// <summary>Gets or sets the vendor's response id.</summary>
    public string? ResponseId { get; set; }

    /// <summary>Gets or sets usage reported by the vendor (search units go in <see cref="UsageDetails.AdditionalCounts"/>).</summary>
    public UsageDetails? Usage { get; set; }

    /// <summary>Gets or sets the raw vendor payload.</summary>
    public object? RawRepresentation { get; set; }

    /// <summary>Gets or sets additional properties (provider, cost, route explanation).</summary>
    public AdditionalPropertiesDictionary? AdditionalProperties { get; set; }
}
