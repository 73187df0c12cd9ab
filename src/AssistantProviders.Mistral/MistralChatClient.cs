// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Mistral.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Mistral;

/// <summary>
/// Mistral AI chat completions as an <see cref="IChatClient"/>: streaming, tools (whole-call stream deltas), vision, JSON mode,
/// <c>random_seed</c>, <c>safe_prompt</c> (<see cref="MistralPropertyNames"/>) and typed errors. <c>GetService(typeof(ChatClientMetadata))</c>
/// reports provider <c>mistral</c>.
/// </summary>
public sealed class MistralChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="MistralChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public MistralChatClient(MistralClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal MistralChatClient(MistralClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(MistralProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new MistralProfile(logger)))
    {
    }

    /// <summary>Lists the models the account can use.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
