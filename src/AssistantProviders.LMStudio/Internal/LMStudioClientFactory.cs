// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.LMStudio.Internal;

/// <summary>Builds the shared transport; a key is optional (sent as Bearer when LM Studio's API auth is on).</summary>
internal static class LMStudioClientFactory
{
    public static ProviderTransport CreateTransport(LMStudioClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(LMStudioProvider.Create(), options, httpClient, ProviderAuth.Bearer, logger, timeProvider);
    }
}
