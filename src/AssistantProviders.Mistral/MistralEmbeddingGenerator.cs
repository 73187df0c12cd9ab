// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Mistral.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Mistral;

/// <summary>Mistral <c>/embeddings</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (default model <c>mistral-embed</c>).</summary>
public sealed class MistralEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="MistralEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public MistralEmbeddingGenerator(MistralClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal MistralEmbeddingGenerator(MistralClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireEmbeddingGenerator(
            MistralProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new MistralProfile(logger),
            options?.DefaultEmbeddingModel ?? MistralProvider.DefaultEmbeddingModel))
    {
    }
}
