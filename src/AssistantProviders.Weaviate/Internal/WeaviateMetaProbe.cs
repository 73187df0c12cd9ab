// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// The <see cref="IModelDiscovery"/> of Weaviate, which has no models (it is a store): <see cref="ListModelsAsync"/> checks the endpoint
/// and the key with <c>GET /v1/meta</c> and returns an empty list, so <c>assistant-providers test-all</c> can probe it for free.
/// </summary>
internal sealed class WeaviateMetaProbe : IModelDiscovery, IDisposable
{
    private readonly WeaviateRest _rest;

    public WeaviateMetaProbe(WeaviateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _rest = new WeaviateRest(options, httpClient, logger, timeProvider);
    }

    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        await _rest.GetMetaAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    public void Dispose() => _rest.Dispose();
}
