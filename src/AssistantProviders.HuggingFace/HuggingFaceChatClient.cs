// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.HuggingFace.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.HuggingFace;

/// <summary>
/// Hugging Face Inference Providers (the OpenAI-compatible router) as an <see cref="IChatClient"/>: streaming, tools, JSON mode,
/// typed errors and model discovery. <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>huggingface</c>.
/// </summary>
public sealed class HuggingFaceChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="HuggingFaceChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public HuggingFaceChatClient(HuggingFaceClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal HuggingFaceChatClient(HuggingFaceClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(HuggingFaceProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new HuggingFaceProfile(logger)))
    {
    }

    /// <summary>Lists the models the account can use.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
