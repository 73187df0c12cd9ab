// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Groq;

/// <summary>
/// Groq chat completions as an <see cref="IChatClient"/>: streaming, tools, JSON mode, usage and Groq's timings
/// (<see cref="GroqPropertyNames"/>) in <c>AdditionalProperties</c>. <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>groq</c>.
/// </summary>
public sealed class GroqChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="GroqChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public GroqChatClient(GroqClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal GroqChatClient(GroqClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(GroqProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new GroqProfile(logger)))
    {
    }

    /// <summary>Lists the models the account can use (<c>GET /models</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
