// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Weaviate.Internal;

namespace AssistantProviders.Weaviate;

/// <summary>
/// Options of the Weaviate provider. Bound from <c>AssistantProviders:Providers:Weaviate</c>, <c>WEAVIATE_URL</c> (the cluster URL;
/// a bare host such as <c>abc123.c0.us-east1.gcp.weaviate.cloud</c> is taken as https) and <c>WEAVIATE_API_KEY</c> (explicit
/// configuration wins over environment variables, which win over <c>.env</c>). The default endpoint is a self-hosted Weaviate on
/// <c>http://localhost:8080/</c>: plain http is allowed for loopback addresses only, any other host must be https.
/// </summary>
public sealed class WeaviateClientOptions : ProviderClientOptions
{
    /// <summary>The largest <see cref="MaxBatchSize"/>.</summary>
    public const int MaxBatchSizeLimit = 1000;

    /// <summary>Initializes a new instance of the <see cref="WeaviateClientOptions"/> class with the loopback endpoint.</summary>
    public WeaviateClientOptions()
    {
        Endpoint = WeaviateProvider.DefaultEndpoint;
    }

    /// <summary>
    /// Gets or sets how many objects one <c>POST /v1/batch/objects</c> request carries; larger upserts are split into batches of this
    /// size, sent one after the other. Default 100 (the batch size Weaviate's own clients use); 1 to <see cref="MaxBatchSizeLimit"/>.
    /// </summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets a value indicating whether requests may go without a key, for a self-hosted Weaviate with anonymous access.
    /// Default <see langword="false"/>: with no key, calls fail with a typed error naming <c>WEAVIATE_API_KEY</c>.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Gets or sets the default hybrid-search <c>alpha</c> (0 = pure BM25 keyword search, 1 = pure vector search). Default 0.5.</summary>
    public double HybridAlpha { get; set; } = 0.5;
}
