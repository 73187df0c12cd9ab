// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>Builds the shared transport with Anthropic's auth: the key in <c>x-api-key</c>, applied per try.</summary>
internal static class AnthropicClientFactory
{
    public static ProviderTransport CreateTransport(AnthropicClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(AnthropicProvider.Create(), options, httpClient, ProviderAuth.Header("x-api-key"), logger, timeProvider);
    }
}
