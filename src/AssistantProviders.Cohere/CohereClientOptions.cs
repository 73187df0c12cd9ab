// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere.Internal;

namespace AssistantProviders.Cohere;

/// <summary>
/// Options of the Cohere provider. Bound from <c>AssistantProviders:Providers:Cohere</c>, <c>COHERE_API_KEY</c> and
/// <c>COHERE_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// </summary>
public sealed class CohereClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="CohereClientOptions"/> class with the public endpoint.</summary>
    public CohereClientOptions()
    {
        Endpoint = CohereProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>embed-english-v3.0</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }

    /// <summary>
    /// Gets or sets the embedding <c>input_type</c> used when the request sets none. Default <c>search_document</c>; pass
    /// <c>search_query</c> (per request, under <see cref="CoherePropertyNames.InputType"/>) when embedding queries.
    /// </summary>
    public string? DefaultEmbeddingInputType { get; set; }

    /// <summary>Gets or sets the rerank model used when the request names none. Default <c>rerank-v3.5</c>.</summary>
    public string? DefaultRerankModel { get; set; }
}
