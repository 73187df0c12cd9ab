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
    /// <summary>
    /// Request knob in <see cref="ChatOptions.AdditionalProperties"/>: how long the model stays loaded (<c>keep_alive</c>), as a
    /// duration string (<c>5m</c>), a number of seconds or a <see cref="TimeSpan"/>. Overrides <see cref="OllamaClientOptions.KeepAlive"/>.
    /// </summary>
    public const string KeepAliveKey = "ollama.keep_alive";

    /// <summary>Request knob in <see cref="ChatOptions.AdditionalProperties"/>: <c>think</c>, a bool or a level (<c>low</c>, <c>medium</c>, <c>high</c>, <c>max</c>).</summary>
    public const string ThinkKey = "ollama.think";

    /// <summary>Request knob in <see cref="ChatOptions.AdditionalProperties"/>: the context window to load the model with (<c>options.num_ctx</c>), an int.</summary>
    public const string NumCtxKey = "ollama.num_ctx";

    /// <summary>Response property: total time Ollama spent on the request (<c>total_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string TotalDurationKey = "ollama.total_duration";

    /// <summary>Response property: time spent loading the model (<c>load_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string LoadDurationKey = "ollama.load_duration";

    /// <summary>Response property: time spent evaluating the prompt (<c>prompt_eval_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string PromptEvalDurationKey = "ollama.prompt_eval_duration";

    /// <summary>Response property: time spent generating the answer (<c>eval_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string EvalDurationKey = "ollama.eval_duration";

    /// <summary>Initializes a new instance of the <see cref="OllamaChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, default model, optional key).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OllamaChatClient(OllamaClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OllamaChatClient(OllamaClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OllamaChatClientCore(OllamaClientFactory.CreateTransport(options, httpClient, logger, timeProvider), options.KeepAlive))
    {
    }

    /// <summary>Lists the models pulled on the server (<c>GET /api/tags</c>); the display name carries family, size and quantization.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the server reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OllamaChatClientCore)InnerClient).ListModelsAsync(cancellationToken);
}
