// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Together.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Together;

/// <summary>
/// Together AI chat completions as an <see cref="IChatClient"/>: streaming, tools, JSON mode, typed errors and model discovery
/// (context length, model type and prices from <c>GET /models</c>). <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>together</c>.
/// </summary>
public sealed class TogetherChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="TogetherChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public TogetherChatClient(TogetherClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal TogetherChatClient(TogetherClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(TogetherProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new TogetherProfile(logger)))
    {
    }

    /// <summary>Lists the models the account can use.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
