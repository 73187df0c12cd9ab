// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral.Internal;

namespace AssistantProviders.Mistral;

/// <summary>
/// Options of the Mistral provider. Bound from <c>AssistantProviders:Providers:Mistral</c>, <c>MISTRAL_API_KEY</c> and
/// <c>MISTRAL_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// The default model is <c>mistral-small-latest</c>.
/// </summary>
public sealed class MistralClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="MistralClientOptions"/> class with the public endpoint.</summary>
    public MistralClientOptions()
    {
        Endpoint = MistralProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>mistral-embed</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }
}
