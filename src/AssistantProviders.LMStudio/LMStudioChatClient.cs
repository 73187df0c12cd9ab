// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.LMStudio;

/// <summary>
/// LM Studio's OpenAI-compatible chat completions as an <see cref="IChatClient"/> (streaming, tools, vision, JSON schema, usage).
/// <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>lmstudio</c>.
/// </summary>
public sealed class LMStudioChatClient : DelegatingChatClient, IModelDiscovery
{
    private readonly OpenAIWireChatClient _wire;

    /// <summary>Initializes a new instance of the <see cref="LMStudioChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public LMStudioChatClient(LMStudioClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal LMStudioChatClient(LMStudioClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : this(new OpenAIWireChatClient(LMStudioProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), OpenAIWireProfile.Default))
    {
    }

    private LMStudioChatClient(OpenAIWireChatClient wire)
        : base(wire)
    {
        _wire = wire;
    }

    /// <summary>
    /// Lists the downloaded models from LM Studio's native <c>/api/v0/models</c> (type, publisher, context length; loaded models carry
    /// the task tag <c>loaded</c>), falling back to <c>/v1/models</c> on servers without it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        LMStudioModelLister.ListAsync(_wire.Transport, cancellationToken);
}
