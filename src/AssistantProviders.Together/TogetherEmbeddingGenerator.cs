// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Together.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Together;

/// <summary>Together <c>/embeddings</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (default model <c>BAAI/bge-base-en-v1.5</c>).</summary>
public sealed class TogetherEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="TogetherEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public TogetherEmbeddingGenerator(TogetherClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal TogetherEmbeddingGenerator(TogetherClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireEmbeddingGenerator(
            TogetherProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new TogetherProfile(logger),
            options?.DefaultEmbeddingModel ?? TogetherProvider.DefaultEmbeddingModel))
    {
    }
}
