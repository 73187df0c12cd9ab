// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.HuggingFace;

/// <summary>
/// Hugging Face feature-extraction embeddings as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>:
/// <c>POST {FeatureExtractionEndpoint}{model}/pipeline/feature-extraction</c> (default model
/// <c>sentence-transformers/all-MiniLM-L6-v2</c>). Knobs: <see cref="HuggingFacePropertyNames"/>. <c>Dimensions</c> is not supported.
/// </summary>
public sealed class HuggingFaceEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="HuggingFaceEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (token, feature-extraction endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public HuggingFaceEmbeddingGenerator(HuggingFaceClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal HuggingFaceEmbeddingGenerator(HuggingFaceClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new FeatureExtractionGenerator(
            HuggingFaceProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options.FeatureExtractionEndpoint ?? HuggingFaceProvider.DefaultFeatureExtractionEndpoint,
            options.DefaultEmbeddingModel ?? HuggingFaceProvider.DefaultEmbeddingModel))
    {
    }
}
