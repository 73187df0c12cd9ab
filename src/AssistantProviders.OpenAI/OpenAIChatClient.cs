// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.OpenAI;

/// <summary>
/// OpenAI chat completions as an <see cref="IChatClient"/>: streaming, tools (parallel calls), vision, JSON mode and schema,
/// usage (cached and reasoning tokens) and typed errors. <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>openai</c>.
/// </summary>
public sealed class OpenAIChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="OpenAIChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OpenAIChatClient(OpenAIClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OpenAIChatClient(OpenAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(OpenAIProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new OpenAIProfile(logger)))
    {
    }

    /// <summary>Lists the models the account can use (<c>GET /models</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
