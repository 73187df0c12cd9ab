// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using AssistantProviders.Pinecone.Internal;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone;

/// <summary>
/// A Pinecone serverless index with <c>Dictionary&lt;string, object?&gt;</c> records, described by a
/// <see cref="VectorStoreCollectionDefinition"/> (AOT-safe: no reflection over record types). Keys must be strings.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The MEVD connector naming: a VectorStoreCollection is a <Vendor>Collection.")]
public sealed class PineconeDynamicCollection : VectorStoreCollection<object, Dictionary<string, object?>>
{
    private readonly PineconeCollectionCore<Dictionary<string, object?>> _core;

    internal PineconeDynamicCollection(PineconeCollectionCore<Dictionary<string, object?>> core)
    {
        _core = core;
    }

    /// <inheritdoc/>
    public override string Name => _core.Name;

    /// <summary>Gets the namespace this collection reads and writes (<c>""</c> = the index's default namespace).</summary>
    public string Namespace => _core.Namespace;

    /// <summary>Gets a view of the same index in another namespace.</summary>
    /// <param name="ns">The namespace; <see langword="null"/> or empty = the default namespace.</param>
    /// <returns>The collection in that namespace.</returns>
    public PineconeDynamicCollection WithNamespace(string? ns) => new(_core.WithNamespace(ns));

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => _core.CollectionExistsAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => _core.EnsureCollectionExistsAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) => _core.EnsureCollectionDeletedAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task<Dictionary<string, object?>?> GetAsync(object key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(PineconeRecordMapper.ValidateKey(key, nameof(key)), options, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<Dictionary<string, object?>> GetAsync(IEnumerable<object> keys, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _core.GetAsync(keys.Select(k => PineconeRecordMapper.ValidateKey(k, nameof(keys))).ToList(), options, cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<Dictionary<string, object?>> GetAsync(Expression<Func<Dictionary<string, object?>, bool>> filter, int top, FilteredRecordRetrievalOptions<Dictionary<string, object?>>? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(filter, top, options, cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(object key, CancellationToken cancellationToken = default) =>
        _core.DeleteAsync(PineconeRecordMapper.ValidateKey(key, nameof(key)), cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<object> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _core.DeleteAsync(keys.Select(k => PineconeRecordMapper.ValidateKey(k, nameof(keys))).ToList(), cancellationToken);
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(Dictionary<string, object?> record, CancellationToken cancellationToken = default) => _core.UpsertAsync([record], cancellationToken);

    /// <inheritdoc/>
    public override Task UpsertAsync(IEnumerable<Dictionary<string, object?>> records, CancellationToken cancellationToken = default) => _core.UpsertAsync(records, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<VectorSearchResult<Dictionary<string, object?>>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<Dictionary<string, object?>>? options = null, CancellationToken cancellationToken = default) =>
        _core.SearchAsync(searchValue, top, options, cancellationToken);

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreCollectionMetadata) ? _core.Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }
}
