// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini.Internal;

namespace AssistantProviders.Gemini;

/// <summary>
/// Options of the Gemini provider. Bound from <c>AssistantProviders:Providers:Gemini</c>, <c>GEMINI_API_KEY</c> and
/// <c>GEMINI_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// The key is always sent in the <c>x-goog-api-key</c> header, never as a <c>?key=</c> query parameter.
/// </summary>
public sealed class GeminiClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="GeminiClientOptions"/> class with the public endpoint.</summary>
    public GeminiClientOptions()
    {
        Endpoint = GeminiProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>gemini-embedding-001</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }

    /// <summary>
    /// Gets or sets the embedding task type used when the request sets none (<c>RETRIEVAL_DOCUMENT</c>, <c>RETRIEVAL_QUERY</c>,
    /// <c>SEMANTIC_SIMILARITY</c>, <c>CLASSIFICATION</c>, <c>CLUSTERING</c>…). <see langword="null"/> lets Gemini choose.
    /// </summary>
    public string? DefaultEmbeddingTaskType { get; set; }
}
