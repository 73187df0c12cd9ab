// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.LMStudio;

/// <summary>LM Studio <c>/v1/embeddings</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.</summary>
public sealed class LMStudioEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="LMStudioEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public LMStudioEmbeddingGenerator(LMStudioClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal LMStudioEmbeddingGenerator(LMStudioClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireEmbeddingGenerator(
            LMStudioProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            OpenAIWireProfile.Default,
            options?.DefaultEmbeddingModel ?? LMStudioProvider.DefaultEmbeddingModel))
    {
    }
}
