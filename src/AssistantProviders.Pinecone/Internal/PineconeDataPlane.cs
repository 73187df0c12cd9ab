// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using AssistantProviders.Shared;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// The data plane of one index, at the <c>host</c> its description returns (resolved once, checked by
/// <see cref="ProviderEndpointPolicy"/>, never followed through a redirect): upsert in batches within Pinecone's limits, fetch,
/// fetch by metadata, query and delete.
/// </summary>
internal sealed class PineconeDataPlane
{
    private static readonly byte[] UpsertHead = Encoding.UTF8.GetBytes("{\"vectors\":[");
    private readonly PineconeControlPlane _control;
    private readonly PineconeClientOptions _options;
    private readonly string _index;
    private Uri? _host;

    public PineconeDataPlane(PineconeControlPlane control, PineconeClientOptions options, string index)
    {
        _control = control;
        _options = options;
        _index = index;
    }

    private ProviderTransport Transport => _control.Transport;

    /// <summary>Sets the host from a description already fetched (after create or describe).</summary>
    public void UseHost(PineconeIndexModel index) => _host = HostUri(index);

    /// <summary>Forgets the host (after the index is deleted).</summary>
    public void Forget() => _host = null;

    /// <summary>
    /// Upserts vectors in as few requests as the limits allow: at most <see cref="PineconeClientOptions.MaxUpsertBatchSize"/> vectors
    /// (≤ 1,000) and <see cref="PineconeClientOptions.MaxUpsertRequestBytes"/> bytes (≤ 2 MiB) each. Each vector is serialized once.
    /// Returns the number of requests sent.
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<PineconeVector> vectors, string? ns, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return 0;
        }

        var maxCount = Math.Clamp(_options.MaxUpsertBatchSize, 1, PineconeProvider.MaxUpsertVectors);
        var maxBytes = Math.Clamp(_options.MaxUpsertRequestBytes, 1024, PineconeProvider.MaxUpsertBytes);
        var tail = Encoding.UTF8.GetBytes("]" + (string.IsNullOrEmpty(ns) ? string.Empty : ",\"namespace\":" + JsonSerializer.Serialize(ns, PineconeJsonContext.Default.String)) + "}");
        var budget = maxBytes - UpsertHead.Length - tail.Length;
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<byte[]>(Math.Min(maxCount, vectors.Count));
        var batchBytes = 0;
        var requests = 0;
        foreach (var vector in vectors)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(vector, PineconeJsonContext.Default.PineconeVector);
            if (bytes.Length > budget)
            {
                throw new ArgumentException(
                    $"The record '{vector.Id}' is {bytes.Length} bytes as JSON, over Pinecone's {maxBytes}-byte upsert request limit (metadata is limited to 40 KB per record).",
                    nameof(vectors));
            }

            var separator = batch.Count == 0 ? 0 : 1;
            if (batch.Count == maxCount || batchBytes + separator + bytes.Length > budget)
            {
                await SendUpsertAsync(host, batch, batchBytes, tail, cancellationToken).ConfigureAwait(false);
                requests++;
                batch.Clear();
                batchBytes = 0;
                separator = 0;
            }

            batch.Add(bytes);
            batchBytes += separator + bytes.Length;
        }

        await SendUpsertAsync(host, batch, batchBytes, tail, cancellationToken).ConfigureAwait(false);
        return requests + 1;
    }

    /// <summary>Fetches vectors by id, in requests of at most <see cref="PineconeClientOptions.MaxIdsPerRequest"/> ids.</summary>
    public async Task<Dictionary<string, PineconeVector>> FetchAsync(IReadOnlyList<string> ids, string? ns, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, PineconeVector>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerRequest))
        {
            var query = new StringBuilder("vectors/fetch?");
            foreach (var id in chunk)
            {
                query.Append("ids=").Append(Uri.EscapeDataString(id)).Append('&');
            }

            if (!string.IsNullOrEmpty(ns))
            {
                query.Append("namespace=").Append(Uri.EscapeDataString(ns)).Append('&');
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host, query.ToString(0, query.Length - 1)));
            var (response, _) = await SendAsync(request, PineconeJsonContext.Default.PineconeFetchResponse, cancellationToken).ConfigureAwait(false);
            foreach (var (id, vector) in response.Vectors ?? [])
            {
                found[vector.Id ?? id] = vector;
            }
        }

        return found;
    }

    /// <summary>Fetches up to <paramref name="limit"/> vectors matching a metadata filter, following pagination.</summary>
    public async Task<List<PineconeVector>> FetchByMetadataAsync(System.Text.Json.Nodes.JsonObject? filter, int limit, string? ns, CancellationToken cancellationToken)
    {
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<PineconeVector>();
        string? token = null;
        do
        {
            var body = new PineconeFetchByMetadataRequest
            {
                Namespace = string.IsNullOrEmpty(ns) ? null : ns,
                Filter = filter?.DeepClone().AsObject(),
                Limit = Math.Min(limit - results.Count, PineconeProvider.MaxTopK),
                PaginationToken = token,
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "vectors/fetch_by_metadata"))
            {
                Content = ProviderTransport.JsonContent(body, PineconeJsonContext.Default.PineconeFetchByMetadataRequest),
            };
            var (response, _) = await SendAsync(request, PineconeJsonContext.Default.PineconeFetchResponse, cancellationToken).ConfigureAwait(false);
            foreach (var (id, vector) in (response.Vectors ?? []).OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                results.Add(vector.Id is null ? new PineconeVector { Id = id, Values = vector.Values, Metadata = vector.Metadata } : vector);
            }

            token = response.Pagination?.Next;
        }
        while (!string.IsNullOrEmpty(token) && results.Count < limit);

        return results.Count > limit ? results[..limit] : results;
    }

    /// <summary>Queries the index with a dense vector.</summary>
    public async Task<List<PineconeScoredVector>> QueryAsync(PineconeQueryRequest body, CancellationToken cancellationToken)
    {
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "query"))
        {
            Content = ProviderTransport.JsonContent(body, PineconeJsonContext.Default.PineconeQueryRequest),
        };
        var (response, _) = await SendAsync(request, PineconeJsonContext.Default.PineconeQueryResponse, cancellationToken).ConfigureAwait(false);
        var matches = response.Matches ?? [];
        Log.Queried(Transport.Logger, _index, matches.Count);
        return matches;
    }

    /// <summary>Deletes vectors by id, in requests of at most <see cref="PineconeClientOptions.MaxIdsPerRequest"/> ids.</summary>
    public async Task DeleteAsync(IReadOnlyList<string> ids, string? ns, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerRequest))
        {
            var body = new PineconeDeleteRequest { Ids = chunk, Namespace = string.IsNullOrEmpty(ns) ? null : ns };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "vectors/delete"))
            {
                Content = ProviderTransport.JsonContent(body, PineconeJsonContext.Default.PineconeDeleteRequest),
            };
            using var response = await Transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The error for an index that does not exist: typed (404, <see cref="ProviderErrorKind.NotFound"/>), never an empty result.</summary>
    public static AssistantProviderException MissingIndex(string index) =>
        new($"The Pinecone index '{index}' does not exist. Call EnsureCollectionExistsAsync first.")
        {
            ProviderId = PineconeProvider.Id,
            StatusCode = 404,
            ErrorCode = "NOT_FOUND",
            Kind = ProviderErrorKind.NotFound,
        };

    private int IdsPerRequest => Math.Clamp(_options.MaxIdsPerRequest, 1, PineconeProvider.MaxIdsPerRequest);

    private async Task SendUpsertAsync(Uri host, List<byte[]> batch, int batchBytes, byte[] tail, CancellationToken cancellationToken)
    {
        var body = new byte[UpsertHead.Length + batchBytes + tail.Length];
        UpsertHead.CopyTo(body, 0);
        var at = UpsertHead.Length;
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                body[at++] = (byte)',';
            }

            batch[i].CopyTo(body, at);
            at += batch[i].Length;
        }

        tail.CopyTo(body, at);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "vectors/upsert")) { Content = content };
        var (response, _) = await SendAsync(request, PineconeJsonContext.Default.PineconeUpsertResponse, cancellationToken).ConfigureAwait(false);
        if (response.UpsertedCount is { } count && count != batch.Count)
        {
            throw Transport.InvalidResponse(null, $"the upsert reported {count} vectors for {batch.Count} sent", null);
        }
    }

    private async Task<(T Value, ProviderRateLimits? RateLimits)> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            return await Transport.SendForJsonAsync(request, typeInfo, null, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
            _host = null;
            throw;
        }
    }

    private async Task<Uri> HostAsync(CancellationToken cancellationToken)
    {
        if (_host is { } host)
        {
            return host;
        }

        var index = await _control.DescribeAsync(_index, cancellationToken).ConfigureAwait(false) ?? throw MissingIndex(_index);
        if (index.Status?.Ready != true)
        {
            index = await _control.WaitUntilReadyAsync(_index, index, cancellationToken).ConfigureAwait(false);
        }

        return _host = HostUri(index);
    }

    /// <summary>
    /// The data-plane base address of an index: its <c>host</c> (a bare host name, as Pinecone returns it, gets <c>https://</c>;
    /// a loopback host under an http control endpoint, as Pinecone Local and the emulator return, gets <c>http://</c>).
    /// </summary>
    private Uri HostUri(PineconeIndexModel index)
    {
        var host = index.Host;
        if (string.IsNullOrWhiteSpace(host))
        {
            throw Transport.InvalidResponse(null, $"the description of index '{_index}' has no host", null);
        }

        Uri? uri;
        if (!host.Contains("://", StringComparison.Ordinal))
        {
            var scheme = "https";
            if (Uri.TryCreate("http://" + host, UriKind.Absolute, out var plain) && plain.IsLoopback &&
                string.Equals(Transport.Endpoint.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
            {
                scheme = "http";
            }

            host = scheme + "://" + host;
        }

        if (!host.EndsWith('/'))
        {
            host += "/";
        }

        if (!Uri.TryCreate(host, UriKind.Absolute, out uri) || !ProviderEndpointPolicy.IsAllowed(uri, Transport.Descriptor.Locality, out _))
        {
            Log.HostRejected(Transport.Logger, _index);
            throw Transport.InvalidResponse(null, $"the host of index '{_index}' is not an allowed endpoint (https, or http only for loopback)", null);
        }

        return uri;
    }
}
