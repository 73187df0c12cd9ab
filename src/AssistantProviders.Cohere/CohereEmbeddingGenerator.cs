// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cohere;

/// <summary>
/// Cohere <c>v2/embed</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (float embeddings). Cohere requires an
/// <c>input_type</c>: it is <c>search_document</c> unless set per request under <see cref="CoherePropertyNames.InputType"/>
/// (pass <see cref="CoherePropertyNames.SearchQuery"/> when embedding queries) or in
/// <see cref="CohereClientOptions.DefaultEmbeddingInputType"/>. <c>Dimensions</c> maps to <c>output_dimension</c> (embed v4+).
/// </summary>
public sealed class CohereEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="CohereEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model and input type).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public CohereEmbeddingGenerator(CohereClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal CohereEmbeddingGenerator(CohereClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new CohereEmbeddingGeneratorCore(
            CohereProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options?.DefaultEmbeddingModel ?? CohereProvider.DefaultEmbeddingModel,
            options?.DefaultEmbeddingInputType ?? CohereProvider.DefaultInputType))
    {
    }
}
