// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Ollama.Internal;

/// <summary>Builds the shared transport for Ollama: no key required, an optional key sent as Bearer.</summary>
internal static class OllamaClientFactory
{
    public static ProviderTransport CreateTransport(OllamaClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(OllamaProvider.Create(), options, httpClient, ProviderAuth.Bearer, logger, timeProvider);
    }
}
