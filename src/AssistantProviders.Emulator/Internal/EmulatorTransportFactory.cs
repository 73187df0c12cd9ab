// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Builds the shared transport against the configured emulator endpoint, or the in-process server.</summary>
internal static class EmulatorTransportFactory
{
    public static ProviderTransport Create(EmulatorClientOptions options, EmulatorServer? server, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var useServer = options.Endpoint is null || options.Endpoint == EmulatorProvider.InProcessEndpoint;
        if (useServer && server is null)
        {
            throw new InvalidOperationException("EmulatorClientOptions.Endpoint is not set and no EmulatorServer was given.");
        }

        var endpoint = useServer ? server!.GetOpenAICompatibleEndpoint(EmulatorDefaults.ProviderId) : options.Endpoint;
        var transportOptions = new EmulatorClientOptions
        {
            ApiKey = options.ApiKey,
            DefaultModel = options.DefaultModel,
            Endpoint = endpoint,
            Timeout = options.Timeout,
            MaxEventBytes = options.MaxEventBytes,
            MaxResponseBytes = options.MaxResponseBytes,
            MaxStreamDuration = options.MaxStreamDuration,
        };
        return new ProviderTransport(EmulatorProvider.Create(endpoint), transportOptions, httpClient, ProviderAuth.Bearer, logger, timeProvider);
    }
}
