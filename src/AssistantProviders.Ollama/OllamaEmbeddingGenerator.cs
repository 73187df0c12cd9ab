// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Ollama;

/// <summary>Ollama <c>/api/embed</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (batch input, <c>dimensions</c>, <c>truncate</c>).</summary>
public sealed class OllamaEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="OllamaEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OllamaEmbeddingGenerator(OllamaClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OllamaEmbeddingGenerator(OllamaClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OllamaEmbeddingGeneratorCore(
            OllamaProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options.DefaultEmbeddingModel ?? OllamaProvider.DefaultEmbeddingModel,
            options.KeepAlive))
    {
    }
}
