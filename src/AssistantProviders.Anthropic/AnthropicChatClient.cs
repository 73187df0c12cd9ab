// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Anthropic;

/// <summary>
/// The Anthropic Messages API (<c>POST /v1/messages</c>) as an <see cref="IChatClient"/>: SSE streaming, tools (parallel
/// <c>tool_use</c> blocks), images and PDFs, extended thinking, JSON schema output, prompt-cache usage and typed errors.
/// <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>anthropic</c>.
/// </summary>
public sealed class AnthropicChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Request knob in <see cref="ChatOptions.AdditionalProperties"/>: enables extended thinking with this <c>budget_tokens</c> (int, at least 1024, below <c>max_tokens</c>).</summary>
    public const string ThinkingBudgetTokensKey = "anthropic.thinking_budget_tokens";

    /// <summary>Request knob in <see cref="ChatOptions.AdditionalProperties"/>: <c>metadata.user_id</c>, an opaque end-user id (string).</summary>
    public const string UserIdKey = "anthropic.user_id";

    /// <summary>Response property: the stop sequence that ended the answer (<c>stop_sequence</c>), when one did.</summary>
    public const string StopSequenceKey = "anthropic.stop_sequence";

    /// <summary>Key in <see cref="UsageDetails.AdditionalCounts"/>: tokens written to the prompt cache (<c>cache_creation_input_tokens</c>).</summary>
    public const string CacheCreationInputTokensKey = "CacheCreationInputTokens";

    /// <summary>Initializes a new instance of the <see cref="AnthropicChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model, default max tokens).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public AnthropicChatClient(AnthropicClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal AnthropicChatClient(AnthropicClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new AnthropicChatClientCore(AnthropicProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), options))
    {
    }

    /// <summary>Lists the models the account can use (<c>GET /v1/models</c>, all pages).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((AnthropicChatClientCore)InnerClient).ListModelsAsync(cancellationToken);
}
