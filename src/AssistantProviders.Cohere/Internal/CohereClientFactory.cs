// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Builds the shared transport with Cohere's auth (<c>Authorization: Bearer</c>).</summary>
internal static class CohereClientFactory
{
    public static ProviderTransport CreateTransport(CohereClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(CohereProvider.Create(), options, httpClient, ProviderAuth.Bearer, logger, timeProvider);
    }
}
