// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Fireworks.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Fireworks;

/// <summary>Fireworks <c>/embeddings</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (default model <c>nomic-ai/nomic-embed-text-v1.5</c>).</summary>
public sealed class FireworksEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="FireworksEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public FireworksEmbeddingGenerator(FireworksClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal FireworksEmbeddingGenerator(FireworksClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireEmbeddingGenerator(
            FireworksProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new FireworksProfile(logger),
            options?.DefaultEmbeddingModel ?? FireworksProvider.DefaultEmbeddingModel))
    {
    }
}
