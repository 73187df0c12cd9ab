// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Fireworks.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Fireworks;

/// <summary>
/// Fireworks AI chat completions as an <see cref="IChatClient"/>: streaming, function calling, JSON mode, typed errors and model
/// discovery. Short model ids (no <c>/</c>) are expanded to <c>accounts/fireworks/models/&lt;id&gt;</c>.
/// <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>fireworks</c>.
/// </summary>
public sealed class FireworksChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="FireworksChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public FireworksChatClient(FireworksClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal FireworksChatClient(FireworksClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(FireworksProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new FireworksProfile(logger)))
    {
    }

    /// <summary>Lists the models the account can use.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
