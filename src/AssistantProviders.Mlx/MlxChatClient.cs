// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mlx.Internal;
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Mlx;

/// <summary>
/// <c>mlx_lm.server</c>'s OpenAI-compatible chat completions as an <see cref="IChatClient"/> (streaming with usage, tools).
/// <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>mlx</c>.
/// </summary>
public sealed class MlxChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="MlxChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public MlxChatClient(MlxClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal MlxChatClient(MlxClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(
            MlxProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new MlxProfile(logger)))
    {
    }

    /// <summary>Lists the models the server can load (<c>GET /v1/models</c>: the Hugging Face cache of MLX models).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
