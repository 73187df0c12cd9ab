// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>Pinecone <c>POST /rerank</c> behind <see cref="PineconeRerankClient"/>: request, response validation, usage and rate limits.</summary>
internal sealed class PineconeRerankClientCore : IDisposable
{
    private readonly string _defaultModel;

    public PineconeRerankClientCore(ProviderTransport transport, string defaultModel)
    {
        Transport = transport;
        _defaultModel = defaultModel;
    }

    public ProviderTransport Transport { get; }

    public async Task<RerankResult> RerankAsync(string query, IReadOnlyList<string> documents, RerankOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(documents);
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModel : options.ModelId;
        if (documents.Count == 0)
        {
            return new RerankResult([]) { ModelId = model, AdditionalProperties = new() { [AssistantProviderProperties.Provider] = PineconeProvider.Id } };
        }

        var props = options?.AdditionalProperties;
        var body = new PineconeRerankRequest
        {
            Model = model,
            Query = query,
            TopN = options?.TopN,
            ReturnDocuments = false,
            Documents = [.. documents.Select(d => new PineconeTextInput { Text = d })],
            Parameters = props is not null && props.TryGetValue(PineconePropertyNames.Truncate, out string? truncate) && !string.IsNullOrWhiteSpace(truncate)
                ? new JsonObject { ["truncate"] = truncate }
                : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve("rerank"))
        {
            Content = ProviderTransport.JsonContent(body, PineconeJsonContext.Default.PineconeRerankRequest),
        };
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, PineconeJsonContext.Default.PineconeRerankResponse, model, cancellationToken).ConfigureAwait(false);
        var items = wire.Data ?? [];
        if (items.Any(r => r.Index < 0 || r.Index >= documents.Count))
        {
            throw Transport.InvalidResponse(model, "a rerank result pointed outside the documents sent", null);
        }

        var results = items
            .OrderByDescending(r => r.Score)
            .Select(r => new RerankedDocument(r.Index, r.Score, documents[r.Index]))
            .ToList();
        Log.Reranked(Transport.Logger, documents.Count, model, results.Count);
        var result = new RerankResult(results)
        {
            ModelId = wire.Model ?? model,
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = PineconeProvider.Id },
        };
        if (wire.Usage?.RerankUnits is { } units)
        {
            result.Usage = new UsageDetails { AdditionalCounts = new() { [PineconePropertyNames.RerankUnitsUsageKey] = units } };
        }

        if (rateLimits is not null)
        {
            result.AdditionalProperties[ProviderRateLimits.Key] = rateLimits;
        }

        return result;
    }

    public void Dispose() => Transport.Dispose();
}
