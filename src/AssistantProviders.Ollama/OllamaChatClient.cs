// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Ollama;

/// <summary>
/// Ollama's native <c>/api/chat</c> as an <see cref="IChatClient"/>: NDJSON streaming, tools (arguments as JSON objects, results
/// as <c>tool</c> messages), images (inline bytes), JSON mode and JSON schema output, thinking, usage and typed errors.
/// <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>ollama</c>.
/// </summary>
public sealed class OllamaChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="OllamaChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, default model, optional key).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OllamaChatClient(OllamaClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OllamaChatClient(OllamaClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OllamaChatClientCore(OllamaProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), options.KeepAlive))
    {
    }

    /// <summary>Lists the models pulled on the server (<c>GET /api/tags</c>); the display name carries family, size and quantization.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the server reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OllamaChatClientCore)InnerClient).ListModelsAsync(cancellationToken);
}
