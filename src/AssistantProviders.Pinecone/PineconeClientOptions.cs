// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Pinecone.Internal;

namespace AssistantProviders.Pinecone;

/// <summary>
/// Options of the Pinecone provider. Bound from <c>AssistantProviders:Providers:Pinecone</c>, <c>PINECONE_API_KEY</c> and
/// <c>PINECONE_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// <see cref="ProviderClientOptions.Endpoint"/> is the control and inference plane (<c>https://api.pinecone.io/</c>); the data
/// plane of each index is the <c>host</c> its description returns.
/// </summary>
public sealed class PineconeClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="PineconeClientOptions"/> class with the public endpoint.</summary>
    public PineconeClientOptions()
    {
        Endpoint = PineconeProvider.DefaultEndpoint;
        Timeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>Gets or sets the <c>X-Pinecone-Api-Version</c> header sent with every request. Default <c>2026-04</c>.</summary>
    public string ApiVersion { get; set; } = PineconeProvider.ApiVersion;

    /// <summary>Gets or sets the cloud of the serverless indexes this store creates (<c>aws</c>, <c>gcp</c> or <c>azure</c>). Default <c>aws</c>.</summary>
    public string Cloud { get; set; } = PineconeProvider.DefaultCloud;

    /// <summary>Gets or sets the region of the serverless indexes this store creates. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = PineconeProvider.DefaultRegion;

    /// <summary>Gets or sets the namespace collections use when their own options name none. Default: the index's default namespace (<c>""</c>).</summary>
    public string? Namespace { get; set; }

    /// <summary>Gets or sets how long <c>EnsureCollectionExistsAsync</c> waits for a new index to become ready. Default 5 minutes.</summary>
    public TimeSpan IndexReadyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how often the index description is polled while waiting for it to become ready. Default 1 second.</summary>
    public TimeSpan IndexReadyPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the most vectors one upsert request carries. Default and maximum 1,000 (Pinecone's limit).</summary>
    public int MaxUpsertBatchSize { get; set; } = PineconeProvider.MaxUpsertVectors;

    /// <summary>Gets or sets the largest upsert request body, in bytes. Default and maximum 2 MiB (Pinecone's limit).</summary>
    public int MaxUpsertRequestBytes { get; set; } = PineconeProvider.MaxUpsertBytes;

    /// <summary>Gets or sets the most ids one fetch or delete request carries. Default 100 (fetch ids travel in the query string).</summary>
    public int MaxIdsPerRequest { get; set; } = PineconeProvider.DefaultIdsPerRequest;

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>llama-text-embed-v2</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }

    /// <summary>
    /// Gets or sets the embedding <c>input_type</c> used when the request sets none. Default <c>passage</c>; pass <c>query</c>
    /// (per request, under <see cref="PineconePropertyNames.InputType"/>) when embedding search queries.
    /// </summary>
    public string? DefaultEmbeddingInputType { get; set; }

    /// <summary>Gets or sets the rerank model used when the request names none. Default <c>bge-reranker-v2-m3</c>.</summary>
    public string? DefaultRerankModel { get; set; }
}
