// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate;

/// <summary>Hybrid-search options with Weaviate's <c>alpha</c>: pass them to <c>HybridSearchAsync</c> of a Weaviate collection.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
public sealed class WeaviateHybridSearchOptions<TRecord> : HybridSearchOptions<TRecord>
{
    /// <summary>Gets or sets the weight of the vector search against BM25 (0 = keyword only, 1 = vector only); <see langword="null"/> uses the collection's.</summary>
    public double? Alpha { get; set; }
}
