// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Pinecone.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Pinecone;

/// <summary>
/// Pinecone's inference plane <c>POST /embed</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (dense float
/// embeddings). The <c>input_type</c> parameter is <c>passage</c> unless set per request under
/// <see cref="PineconePropertyNames.InputType"/> (pass <see cref="PineconePropertyNames.Query"/> when embedding queries) or in
/// <see cref="PineconeClientOptions.DefaultEmbeddingInputType"/>. <c>Dimensions</c> maps to the <c>dimension</c> parameter.
/// It is also the provider's <see cref="IModelDiscovery"/> (<c>GET /models</c>).
/// </summary>
public sealed class PineconeEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>, IModelDiscovery
{
    private readonly PineconeEmbeddingGeneratorCore _core;

    /// <summary>Initializes a new instance of the <see cref="PineconeEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model and input type).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public PineconeEmbeddingGenerator(PineconeClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal PineconeEmbeddingGenerator(PineconeClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : this(new PineconeEmbeddingGeneratorCore(
            PineconeProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options?.DefaultEmbeddingModel ?? PineconeProvider.DefaultEmbeddingModel,
            options?.DefaultEmbeddingInputType ?? PineconeProvider.DefaultInputType))
    {
    }

    private PineconeEmbeddingGenerator(PineconeEmbeddingGeneratorCore core)
        : base(core)
    {
        _core = core;
    }

    /// <summary>Lists the hosted inference models (<c>GET /models</c>: embedding and rerank models), with their kind and sequence length.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) => _core.ListModelsAsync(cancellationToken);
}
