// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cohere;

/// <summary>
/// Cohere v2 chat (<c>POST v2/chat</c>) as an <see cref="IChatClient"/>: streaming (typed SSE events ending in
/// <c>message-end</c>), tool calls (the <c>tool_plan</c> comes back as <c>TextReasoningContent</c>), grounded RAG with
/// documents from <see cref="CoherePropertyNames.Documents"/> and citations as <see cref="CitationAnnotation"/>s, JSON output
/// and billed-unit usage. <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>cohere</c>.
/// </summary>
public sealed class CohereChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="CohereChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public CohereChatClient(CohereClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal CohereChatClient(CohereClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new CohereChatClientCore(CohereProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider)))
    {
    }

    /// <summary>Lists the models the key can use (<c>GET v1/models</c>, following <c>next_page_token</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((CohereChatClientCore)InnerClient).ListModelsAsync(cancellationToken);
}
