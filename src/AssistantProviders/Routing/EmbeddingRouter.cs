// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The routed <see cref="IEmbeddingClient"/>. A batch is never split across providers, and vectors from different models
/// never mix: the first model that serves a store (<c>AdditionalProperties["store"]</c>, or the default store) pins it,
/// and failover only moves to routes of that same model.
/// </summary>
public sealed class EmbeddingRouter : IEmbeddingClient
{
    /// <summary>The options key naming the vector store a request embeds for; each store is pinned to one model.</summary>
    public const string StoreProperty = "store";

    private readonly RouteEngine _engine;
    private readonly ConcurrentDictionary<string, string> _pins = new(StringComparer.Ordinal);

    internal EmbeddingRouter(RouteEngine engine)
    {
        _engine = engine;
    }

    /// <inheritdoc/>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var batch = values as IReadOnlyList<string> ?? [.. values];
        return await _engine.ExecuteAsync(new EmbeddingOperation(batch, options, _pins), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The provider clients belong to the service provider.
    }
}
