// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate;

/// <summary>Options of one Weaviate collection (a Weaviate class).</summary>
public sealed class WeaviateCollectionOptions : VectorStoreCollectionOptions
{
    /// <summary>Initializes a new instance of the <see cref="WeaviateCollectionOptions"/> class.</summary>
    public WeaviateCollectionOptions()
    {
    }

    /// <summary>
    /// Gets or sets the tenant of a multi-tenant collection. When set, the class is created with multi-tenancy enabled, the tenant is
    /// added to it by <c>EnsureCollectionExistsAsync</c>, and every object, batch and GraphQL call is sent for this tenant.
    /// </summary>
    public string? Tenant { get; set; }

    /// <summary>
    /// Gets or sets the hybrid-search <c>alpha</c> of this collection (0 = BM25 only, 1 = vector only); <see langword="null"/> uses
    /// <see cref="WeaviateClientOptions.HybridAlpha"/>. <see cref="WeaviateHybridSearchOptions{TRecord}.Alpha"/> overrides it per call.
    /// </summary>
    public double? HybridAlpha { get; set; }
}
