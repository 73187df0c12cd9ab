// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>What the Pinecone provider is: its descriptor, defaults, wire limits and the definition <c>AddPinecone()</c> registers.</summary>
internal static class PineconeProvider
{
    public const string Id = "pinecone";
    public const string DisplayName = "Pinecone";
    public const string ApiVersion = "2026-04";
    public const string ApiVersionHeader = "X-Pinecone-Api-Version";
    public const string ApiKeyHeader = "Api-Key";
    public const string DefaultEmbeddingModel = "llama-text-embed-v2";
    public const string DefaultRerankModel = "bge-reranker-v2-m3";
    public const string DefaultInputType = "passage";
    public const string DefaultCloud = "aws";
    public const string DefaultRegion = "us-east-1";

    /// <summary>The most vectors one upsert request may carry (spec: <c>UpsertRequest.vectors</c> maxLength 1000).</summary>
    public const int MaxUpsertVectors = 1000;

    /// <summary>The largest upsert request Pinecone accepts (docs: 2 MB per upsert request).</summary>
    public const int MaxUpsertBytes = 2 * 1024 * 1024;

    /// <summary>The most ids a delete request may carry (spec: <c>DeleteRequest.ids</c> maxLength 1000); fetch ids share the cap.</summary>
    public const int MaxIdsPerRequest = 1000;

    /// <summary>The default ids per fetch/delete request: fetch sends them in the query string, so keep URLs short.</summary>
    public const int DefaultIdsPerRequest = 100;

    /// <summary>The largest <c>topK</c> (spec: <c>QueryRequest.topK</c> maximum 10000).</summary>
    public const int MaxTopK = 10_000;

    /// <summary>The longest record id (spec: <c>Vector.id</c> maxLength 512).</summary>
    public const int MaxIdLength = 512;

    /// <summary>The largest dimension (spec: <c>CreateIndexRequest.dimension</c> maximum 20000).</summary>
    public const int MaxDimension = 20_000;

    public static readonly Uri DefaultEndpoint = new("https://api.pinecone.io/");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Embeddings | ModelCapabilities.Rerank,
        ComplianceTags = ["soc2", "gdpr"],
        Regions = ["us", "eu"],
        TaskTags = ["rag"],
        ApiKeyEnvironmentVariable = "PINECONE_API_KEY",
        BaseUrlEnvironmentVariable = "PINECONE_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultEmbeddingModel,
    };

    /// <summary>
    /// The declarative definition <c>AddPinecone()</c> registers: descriptor, configuration binding, the key as <c>Api-Key</c> with the
    /// <c>X-Pinecone-Api-Version</c> header, and the clients (the vector store, the embedding generator, the rerank client).
    /// </summary>
    public static ProviderDefinition<PineconeClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(PineconeVectorStore), static (o, h, l, t) => new PineconeVectorStore(o, h, l, t), typeof(VectorStore)),
        new(typeof(PineconeEmbeddingGenerator), static (o, h, l, t) => new PineconeEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>), typeof(IModelDiscovery)),
        new(typeof(PineconeRerankClient), static (o, h, l, t) => new PineconeRerankClient(o, h, l, t), typeof(IRerankClient)))
    {
        Authenticate = static o =>
        {
            var version = string.IsNullOrWhiteSpace(o.ApiVersion) ? ApiVersion : o.ApiVersion;
            return (request, key) =>
            {
                request.Headers.Remove(ApiKeyHeader);
                request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
                request.Headers.Remove(ApiVersionHeader);
                request.Headers.TryAddWithoutValidation(ApiVersionHeader, version);
            };
        },
    };
}
