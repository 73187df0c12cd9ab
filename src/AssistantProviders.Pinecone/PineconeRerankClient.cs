// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Pinecone.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Pinecone;

/// <summary>
/// Pinecone's inference plane <c>POST /rerank</c> as an <see cref="IRerankClient"/>: scores documents against a query and returns
/// them best first (scores 0..1), with the caller's text in <see cref="RerankedDocument.Document"/> and billed rerank units in
/// <c>Usage.AdditionalCounts[</c><see cref="PineconePropertyNames.RerankUnitsUsageKey"/><c>]</c>.
/// </summary>
public sealed class PineconeRerankClient : IRerankClient, IDisposable
{
    private readonly PineconeRerankClientCore _core;

    /// <summary>Initializes a new instance of the <see cref="PineconeRerankClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default rerank model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public PineconeRerankClient(PineconeClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal PineconeRerankClient(PineconeClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _core = new PineconeRerankClientCore(
            PineconeProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            options.DefaultRerankModel ?? PineconeProvider.DefaultRerankModel);
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
