// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Perplexity.Internal;

namespace AssistantProviders.Perplexity;

/// <summary>
/// Options of the Perplexity provider. Bound from <c>AssistantProviders:Providers:Perplexity</c>, <c>PERPLEXITY_API_KEY</c> and
/// <c>PERPLEXITY_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// The default model is <c>sonar</c>.
/// </summary>
public sealed class PerplexityClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="PerplexityClientOptions"/> class with the public endpoint.</summary>
    public PerplexityClientOptions()
    {
        Endpoint = PerplexityProvider.DefaultEndpoint;
    }
}
