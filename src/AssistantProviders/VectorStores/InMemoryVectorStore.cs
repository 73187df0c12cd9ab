// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.VectorStores;

/// <summary>
/// A Microsoft.Extensions.VectorData <see cref="VectorStore"/> in process memory: the embedded default, so retrieval (RAG) runs
/// with no server and no key. Search is exact (every record is scored with <c>System.Numerics.Tensors.TensorPrimitives</c>),
/// filters are MEVD's LINQ subset evaluated over the stored values, and every operation is thread-safe. Keys may be
/// <see cref="string"/>, <see cref="Guid"/>, <see cref="int"/> or <see cref="long"/>. The data lives as long as the store.
/// </summary>
/// <remarks>
/// Distance functions: cosine similarity (the default), cosine distance, dot product, negative dot product, Euclidean, squared
/// Euclidean and Manhattan distance, with MEVD's score directions. Index kind: <see cref="IndexKind.Flat"/> only.
/// Operations on a collection that does not exist throw <see cref="VectorStoreException"/>; a vector of the wrong length
/// throws <see cref="ArgumentException"/> naming both dimensions.
/// </remarks>
public sealed class InMemoryVectorStore : VectorStore, IVectorCollectionHost
{
    /// <summary>The system name in <see cref="VectorStoreMetadata"/>, and the DI key of the in-memory store.</summary>
    public const string SystemName = "inmemory";

    private readonly ConcurrentDictionary<string, InMemoryCollectionState> _collections = new(StringComparer.Ordinal);
    private readonly IEmbeddingGenerator? _embeddingGenerator;
    private readonly VectorStoreMetadata _metadata = new() { VectorStoreSystemName = SystemName, VectorStoreName = SystemName };

    /// <summary>Initializes a new instance of the <see cref="InMemoryVectorStore"/> class.</summary>
    public InMemoryVectorStore()
        : this(null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InMemoryVectorStore"/> class.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public InMemoryVectorStore(InMemoryVectorStoreOptions? options)
    {
        _embeddingGenerator = options?.EmbeddingGenerator;
    }

    /// <inheritdoc/>
    [RequiresDynamicCode("This overload maps POCO records with reflection and is not compatible with NativeAOT; use GetDynamicCollection for AOT.")]
    [RequiresUnreferencedCode("This overload maps POCO records with reflection and is not compatible with trimming; use GetDynamicCollection for trimmed apps.")]
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return VectorCollectionFactory.Create<TKey, TRecord>(this, name, definition, _embeddingGenerator, restrictDataTypes: false);
    }

    /// <inheritdoc/>
    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return VectorCollectionFactory.CreateDynamic(this, name, definition, _embeddingGenerator, restrictDataTypes: false);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<string> ListCollectionNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var name in _collections.Keys.Order(StringComparer.Ordinal))
        {
            yield return name;
        }
    }

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_collections.ContainsKey(name));
    }

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        cancellationToken.ThrowIfCancellationRequested();
        RemoveState(name);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    string IVectorCollectionHost.SystemName => SystemName;

    /// <inheritdoc/>
    string IVectorCollectionHost.DisplayName => DisplayName;

    private static string DisplayName => "in-memory";

    /// <inheritdoc/>
    bool IVectorCollectionHost.TryGetStorage(string name, [NotNullWhen(true)] out IVectorCollectionStorage? storage)
    {
        var found = _collections.TryGetValue(name, out var state);
        storage = state;
        return found;
    }

    /// <inheritdoc/>
    void IVectorCollectionHost.EnsureStorage(string name, CollectionModel model) =>
        _collections.GetOrAdd(name, static (_, m) => new InMemoryCollectionState(m.VectorProperties.Select(v => v.StorageName).ToList()), model);

    /// <inheritdoc/>
    void IVectorCollectionHost.RemoveStorage(string name) => RemoveState(name);

    private void RemoveState(string name) => _collections.TryRemove(name, out _);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var state in _collections.Values)
            {
                state.Dispose();
            }

            _collections.Clear();
        }

        base.Dispose(disposing);
    }
}
