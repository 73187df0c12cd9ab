// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Cohere <c>v2/rerank</c> behind <see cref="CohereRerankClient"/>: request, response validation, usage and rate limits.</summary>
internal sealed class CohereRerankClientCore : IDisposable
{
    private readonly string _defaultModel;

    public CohereRerankClientCore(ProviderTransport transport, string defaultModel)
    {
        Transport = transport;
        _defaultModel = defaultModel;
    }

    /// <summary>Gets the shared transport.</summary>
    public ProviderTransport Transport { get; }

    /// <summary>Scores <paramref name="documents"/> against <paramref name="query"/>, best first.</summary>
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
            MaxTokensPerDoc = props is not null && props.TryGetValue(CoherePropertyNames.MaxTokensPerDoc, out int maxTokens) ? maxTokens : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve("v2/rerank"))
        {
            Content = ProviderTransport.JsonContent(body, CohereJsonContext.Default.CohereRerankRequest),
        };
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereRerankResponse, model, cancellationToken).ConfigureAwait(false);
        var items = wire.Results ?? [];
        if (items.Any(r => r.Index < 0 || r.Index >= documents.Count))
        {
            throw Transport.InvalidResponse(model, "a rerank result pointed outside the documents sent", null);
        }

        var results = items
            .OrderByDescending(r => r.RelevanceScore)
            .Select(r => new RerankedDocument(r.Index, r.RelevanceScore, documents[r.Index]))
            .ToList();
        Log.Reranked(Transport.Logger, documents.Count, model, results.Count);
        var result = new RerankResult(results)
        {
            ModelId = model,
            ResponseId = wire.Id,
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = CohereProvider.Id },
        };
        if (CohereMapper.ToLong(wire.Meta?.BilledUnits?.SearchUnits) is { } searches)
        {
            result.Usage = new UsageDetails { AdditionalCounts = new() { [CoherePropertyNames.SearchUnitsUsageKey] = searches } };
        }

        if (rateLimits is not null)
        {
            result.AdditionalProperties[ProviderRateLimits.Key] = rateLimits;
        }

        return result;
    }

    public void Dispose() => Transport.Dispose();
}
