// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Groq.Internal;

/// <summary>Builds the shared transport with Groq's bearer auth.</summary>
internal static class GroqClientFactory
{
    public static ProviderTransport CreateTransport(GroqClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(GroqProvider.Create(), options, httpClient, ProviderAuth.Bearer, logger, timeProvider);
    }
}
