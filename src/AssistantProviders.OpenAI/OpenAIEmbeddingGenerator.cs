// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.OpenAI;

/// <summary>OpenAI <c>/embeddings</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (<c>dimensions</c> supported).</summary>
public sealed class OpenAIEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="OpenAIEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OpenAIEmbeddingGenerator(OpenAIClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OpenAIEmbeddingGenerator(OpenAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireEmbeddingGenerator(
            OpenAIProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new OpenAIProfile(logger),
            options?.DefaultEmbeddingModel ?? OpenAIProvider.DefaultEmbeddingModel))
    {
    }
}
