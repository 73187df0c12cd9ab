// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks.Internal;

namespace AssistantProviders.Fireworks;

/// <summary>
/// Options of the Fireworks provider. Bound from <c>AssistantProviders:Providers:Fireworks</c>, <c>FIREWORKS_API_KEY</c> and
/// <c>FIREWORKS_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// The default model is <c>accounts/fireworks/models/llama-v3p3-70b-instruct</c>.
/// </summary>
public sealed class FireworksClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="FireworksClientOptions"/> class with the public endpoint.</summary>
    public FireworksClientOptions()
    {
        Endpoint = FireworksProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>nomic-ai/nomic-embed-text-v1.5</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }
}
