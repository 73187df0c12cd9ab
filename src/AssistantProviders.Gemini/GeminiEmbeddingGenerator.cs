// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Gemini;

/// <summary>
/// Gemini embeddings (<c>:embedContent</c> for one input, <c>:batchEmbedContents</c> for several) as an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>. <c>Dimensions</c> maps to <c>outputDimensionality</c>; the task type
/// comes from <see cref="GeminiPropertyNames.TaskType"/> or <see cref="GeminiClientOptions.DefaultEmbeddingTaskType"/>.
/// </summary>
public sealed class GeminiEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="GeminiEmbeddingGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default embedding model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public GeminiEmbeddingGenerator(GeminiClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal GeminiEmbeddingGenerator(GeminiClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new GeminiEmbeddingGeneratorCore(
            GeminiProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options?.DefaultEmbeddingModel ?? GeminiProvider.DefaultEmbeddingModel,
            options?.DefaultEmbeddingTaskType))
    {
    }
}
