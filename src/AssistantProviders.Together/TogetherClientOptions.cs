// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together.Internal;

namespace AssistantProviders.Together;

/// <summary>
/// Options of the Together provider. Bound from <c>AssistantProviders:Providers:Together</c>, <c>TOGETHER_API_KEY</c> and
/// <c>TOGETHER_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// The default model is <c>meta-llama/Llama-3.3-70B-Instruct-Turbo</c>.
/// </summary>
public sealed class TogetherClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="TogetherClientOptions"/> class with the public endpoint.</summary>
    public TogetherClientOptions()
    {
        Endpoint = TogetherProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>BAAI/bge-base-en-v1.5</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }
}
