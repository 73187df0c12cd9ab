// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Gemini.Internal;

/// <summary>Builds the shared transport with Gemini's auth: the key goes in the <c>x-goog-api-key</c> header, never in the URL.</summary>
internal static class GeminiClientFactory
{
    public static ProviderTransport CreateTransport(GeminiClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(GeminiProvider.Create(), options, httpClient, ProviderAuth.Header(GeminiProvider.ApiKeyHeader), logger, timeProvider);
    }
}
