// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cohere;

/// <summary>
/// Cohere <c>v2/rerank</c> as an <see cref="IRerankClient"/>: scores documents against a query and returns them best first,
/// with the caller's text in <see cref="RerankedDocument.Document"/> and billed search units in
/// <c>Usage.AdditionalCounts[</c><see cref="CohereRerankOptionKeys.SearchUnitsUsageKey"/><c>]</c>.
/// </summary>
public sealed class CohereRerankClient : IRerankClient, IDisposable
{
    private readonly ProviderTransport _transport;
    private readonly string _defaultModel;

    /// <summary>Initializes a new instance of the <see cref="CohereRerankClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default rerank model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public CohereRerankClient(CohereClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal CohereRerankClient(CohereClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _transport = CohereClientFactory.CreateTransport(options, httpClient, logger, timeProvider);
        _defaultModel = options.DefaultRerankModel ?? CohereProvider.DefaultRerankModel;
    }

    /// <inheritdoc/>
    public async Task<RerankResult> RerankAsync(string query, IReadOnlyList<string> documents, RerankOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(documents);
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModel : options.ModelId;
        if (documents.Count == 0)
        {
            return new RerankResult([]) { ModelId = model, AdditionalProperties = new() { [AssistantProviderProperties.Provider] = CohereProvider.Id } };
        }

        var props = options?.AdditionalProperties;
        var body = new CohereRerankRequest
        {
            Model = model,
            Query = query,
            Documents = documents,
            TopN = options?.TopN,
            MaxTokensPerDoc = props is not null && props.TryGetValue(CohereRerankOptionKeys.MaxTokensPerDoc, out int maxTokens) ? maxTokens : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v2/rerank"))
        {
            Content = ProviderTransport.JsonContent(body, CohereJsonContext.Default.CohereRerankRequest),
        };
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereRerankResponse, model, cancellationToken).ConfigureAwait(false);
        var items = wire.Results ?? [];
        if (items.Any(r => r.Index < 0 || r.Index >= documents.Count))
        {
            throw _transport.InvalidResponse(model, "a rerank result pointed outside the documents sent", null);
        }

        var results = items
            .OrderByDescending(r => r.RelevanceScore)
            .Select(r => new RerankedDocument(r.Index, r.RelevanceScore, documents[r.Index]))
            .ToList();
        Log.Reranked(_transport.Logger, documents.Count, model, results.Count);
        var result = new RerankResult(results)
        {
            ModelId = model,
            ResponseId = wire.Id,
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = CohereProvider.Id },
        };
        if (CohereMapper.ToLong(wire.Meta?.BilledUnits?.SearchUnits) is { } searches)
        {
            result.Usage = new UsageDetails { AdditionalCounts = new() { [CohereRerankOptionKeys.SearchUnitsUsageKey] = searches } };
        }

        if (rateLimits is not null)
        {
            result.AdditionalProperties[ProviderRateLimits.Key] = rateLimits;
        }

        return result;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _transport.Descriptor, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();
}
