// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>Builds the shared transport with OpenAI's auth (Bearer plus optional organization and project headers).</summary>
internal static class OpenAIClientFactory
{
    public static ProviderTransport CreateTransport(OpenAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(OpenAIProvider.Create(), options, httpClient, (request, key) =>
        {
            ProviderAuth.Bearer(request, key);
            if (!string.IsNullOrWhiteSpace(options.Organization))
            {
                request.Headers.TryAddWithoutValidation("OpenAI-Organization", options.Organization);
            }

            if (!string.IsNullOrWhiteSpace(options.Project))
            {
                request.Headers.TryAddWithoutValidation("OpenAI-Project", options.Project);
            }
        }, logger, timeProvider);
    }
}
