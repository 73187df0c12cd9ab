// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Security;

/// <summary>
/// IHttpClientFactory logs request and response headers at Trace level. For the providers' named clients
/// (<c>AssistantProviders.*</c>) every header value is redacted in those logs, so <c>Authorization</c>, <c>x-api-key</c>,
/// <c>x-goog-api-key</c> and echoes of them never reach a log sink.
/// </summary>
internal sealed class ProviderHttpLogRedaction : IPostConfigureOptions<HttpClientFactoryOptions>
{
    public const string ClientPrefix = "AssistantProviders.";

    public void PostConfigure(string? name, HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not null && name.StartsWith(ClientPrefix, StringComparison.Ordinal))
        {
            options.ShouldRedactHeaderValue = static _ => true;
        }
    }
}
