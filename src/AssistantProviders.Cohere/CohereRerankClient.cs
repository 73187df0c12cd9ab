// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cohere;

/// <summary>
/// Cohere <c>v2/rerank</c> as an <see cref="IRerankClient"/>: scores documents against a query and returns them best first,
/// with the caller's text in <see cref="RerankedDocument.Document"/> and billed search units in
/// <c>Usage.AdditionalCounts[</c><see cref="CoherePropertyNames.SearchUnitsUsageKey"/><c>]</c>.
/// </summary>
public sealed class CohereRerankClient : IRerankClient, IDisposable
{
    private readonly CohereRerankClientCore _core;

    /// <summary>Initializes a new instance of the <see cref="CohereRerankClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default rerank model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public CohereRerankClient(CohereClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal CohereRerankClient(CohereClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _core = new CohereRerankClientCore(
            CohereProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options.DefaultRerankModel ?? CohereProvider.DefaultRerankModel);
    }

    /// <inheritdoc/>
    public Task<RerankResult> RerankAsync(string query, IReadOnlyList<string> documents, RerankOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.RerankAsync(query, documents, options, cancellationToken);

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _core.Transport.Descriptor, _core.Transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _core.Dispose();
}
