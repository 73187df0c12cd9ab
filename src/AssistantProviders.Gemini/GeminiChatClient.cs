// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Gemini;

/// <summary>
/// Google Gemini (<c>models/{model}:generateContent</c>) as an <see cref="IChatClient"/>: streaming over SSE, function calling
/// (Gemini has no call ids, so stable ids are synthesized and results are sent back by function name), vision, JSON schema
/// output, thinking summaries and usage (thinking tokens inside the output count). Blocked prompts or answers throw
/// <see cref="ContentFilteredException"/>. <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>gemini</c>.
/// </summary>
public sealed class GeminiChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="GeminiChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public GeminiChatClient(GeminiClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal GeminiChatClient(GeminiClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new GeminiChatClientCore(GeminiProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider)))
    {
    }

    /// <summary>Lists the models the key can use (<c>GET models</c>, following <c>nextPageToken</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((GeminiChatClientCore)InnerClient).ListModelsAsync(cancellationToken);
}
