// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Shared;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// The control plane (<c>https://api.pinecone.io</c>): create, describe, list and delete serverless indexes, and wait until an
/// index is ready by polling its description on the <see cref="TimeProvider"/> within a bounded time.
/// </summary>
internal sealed class PineconeControlPlane
{
    private readonly PineconeClientOptions _options;

    public PineconeControlPlane(ProviderTransport transport, PineconeClientOptions options)
    {
        Transport = transport;
        _options = options;
    }

    public ProviderTransport Transport { get; }

    /// <summary>Describes an index; <see langword="null"/> when it does not exist (404).</summary>
    public async Task<PineconeIndexModel?> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Transport.Resolve("indexes/" + Uri.EscapeDataString(name)));
        try
        {
            var (index, _) = await Transport.SendForJsonAsync(request, PineconeJsonContext.Default.PineconeIndexModel, null, cancellationToken).ConfigureAwait(false);
            return index;
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Lists the index names.</summary>
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Transport.Resolve("indexes"));
        var (list, _) = await Transport.SendForJsonAsync(request, PineconeJsonContext.Default.PineconeIndexList, null, cancellationToken).ConfigureAwait(false);
        foreach (var index in list.Indexes ?? [])
        {
            if (!string.IsNullOrEmpty(index.Name))
            {
                yield return index.Name;
            }
        }
    }

    /// <summary>
    /// Creates a serverless index; <see langword="false"/> when it already exists (409, a concurrent create). With
    /// <paramref name="filterable"/> fields, the index gets a metadata schema that indexes only those.
    /// </summary>
    public async Task<bool> CreateAsync(string name, int dimension, string metric, string cloud, string region, IReadOnlyList<string>? filterable, CancellationToken cancellationToken)
    {
        var body = new PineconeCreateIndexRequest
        {
            Name = name,
            Dimension = dimension,
            Metric = metric,
            Spec = new PineconeIndexSpec
            {
                Serverless = new PineconeServerlessSpec
                {
                    Cloud = cloud,
                    Region = region,
                    Schema = filterable is { Count: > 0 }
                        ? new PineconeMetadataSchema { Fields = filterable.ToDictionary(f => f, _ => new PineconeSchemaField(), StringComparer.Ordinal) }
                        : null,
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve("indexes"))
        {
            Content = ProviderTransport.JsonContent(body, PineconeJsonContext.Default.PineconeCreateIndexRequest),
        };
        try
        {
            using var response = await Transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
            Log.IndexCreated(Transport.Logger, name, dimension, metric, cloud, region);
            return true;
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 409)
        {
            return false;
        }
    }

    /// <summary>Deletes an index; a missing index is a no-op.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Transport.Resolve("indexes/" + Uri.EscapeDataString(name)));
        try
        {
            using var response = await Transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
            Log.IndexDeleted(Transport.Logger, name);
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Polls the description until the index is ready, every <see cref="PineconeClientOptions.IndexReadyPollInterval"/>, for at
    /// most <see cref="PineconeClientOptions.IndexReadyTimeout"/> on the transport's clock; then throws <see cref="ProviderTimeoutException"/>.
    /// </summary>
    public async Task<PineconeIndexModel> WaitUntilReadyAsync(string name, PineconeIndexModel? known, CancellationToken cancellationToken)
    {
        var time = Transport.TimeProvider;
        var deadline = time.GetUtcNow() + _options.IndexReadyTimeout;
        var interval = _options.IndexReadyPollInterval > TimeSpan.Zero ? _options.IndexReadyPollInterval : TimeSpan.FromSeconds(1);
        var index = known;
        while (true)
        {
            index ??= await DescribeAsync(name, cancellationToken).ConfigureAwait(false);
            if (index?.Status?.Ready == true && !string.IsNullOrEmpty(index.Host))
            {
                return index;
            }

            if (index?.Status?.State is "InitializationFailed" or "Terminating")
            {
                throw new AssistantProviderException($"The Pinecone index '{name}' cannot become ready: its state is {index.Status.State}.")
                {
                    ProviderId = PineconeProvider.Id,
                    Kind = ProviderErrorKind.ServerError,
                };
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new ProviderTimeoutException(
                    $"The Pinecone index '{name}' was not ready within {_options.IndexReadyTimeout.TotalSeconds:0.###} s (state {index?.Status?.State ?? "missing"}). Raise IndexReadyTimeout or try again later.")
                {
                    ProviderId = PineconeProvider.Id,
                    Kind = ProviderErrorKind.Timeout,
                    IsTransient = true,
                };
            }

            Log.WaitingForIndex(Transport.Logger, name, index?.Status?.State);
            await Task.Delay(interval < left ? interval : left, time, cancellationToken).ConfigureAwait(false);
            index = null;
        }
    }
}
