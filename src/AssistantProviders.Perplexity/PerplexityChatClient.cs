// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Perplexity.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Perplexity;

/// <summary>
/// Perplexity Sonar chat completions as an <see cref="IChatClient"/>: streaming, web-search citations and search results as
/// <see cref="CitationAnnotation"/>s on the answer's text, search filters (<see cref="PerplexityPropertyNames"/>) and usage with the
/// number of search requests. <c>GetService(typeof(ChatClientMetadata))</c> reports provider <c>perplexity</c>.
/// </summary>
public sealed class PerplexityChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>
    /// The <see cref="UsageDetails.AdditionalCounts"/> key of the number of web searches a request made (Perplexity's
    /// <c>num_search_queries</c>; 1 for a <c>sonar*</c> model that does not report it), for the per-search fee.
    /// </summary>
    public const string SearchRequestsUsageKey = "SearchRequests";

    /// <summary>Initializes a new instance of the <see cref="PerplexityChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public PerplexityChatClient(PerplexityClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal PerplexityChatClient(PerplexityClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(PerplexityProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), new PerplexityProfile(logger)))
    {
    }

    /// <summary>
    /// Lists the Sonar models. Perplexity has no model-listing endpoint, so this is the documented set (not discovered).
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(PerplexityProvider.KnownModels());
    }
}
