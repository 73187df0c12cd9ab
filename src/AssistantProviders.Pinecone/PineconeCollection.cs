// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using AssistantProviders.Pinecone.Internal;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone;

/// <summary>
/// A Pinecone serverless index as a <see cref="VectorStoreCollection{TKey, TRecord}"/> with string keys (the vector ids). The
/// collection name is the index name; every operation works in one namespace (<see cref="Namespace"/>). Create it with
/// <see cref="PineconeVectorStore.GetCollection{TRecord}(string, PineconeCollectionOptions?)"/>.
/// </summary>
/// <typeparam name="TRecord">The record type: one string key, one dense vector, data properties as metadata.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The MEVD connector naming: a VectorStoreCollection is a <Vendor>Collection.")]
public sealed class PineconeCollection<TRecord> : VectorStoreCollection<string, TRecord>
    where TRecord : class
{
    private readonly PineconeCollectionCore<TRecord> _core;

    internal PineconeCollection(PineconeCollectionCore<TRecord> core)
    {
        _core = core;
    }

    /// <inheritdoc/>
    public override string Name => _core.Name;

    /// <summary>Gets the namespace this collection reads and writes (<c>""</c> = the index's default namespace).</summary>
    public string Namespace => _core.Namespace;

    /// <summary>Gets a view of the same index in another namespace (it shares the index's data-plane host).</summary>
    /// <param name="ns">The namespace; <see langword="null"/> or empty = the default namespace.</param>
    /// <returns>The collection in that namespace.</returns>
    public PineconeCollection<TRecord> WithNamespace(string? ns) => new(_core.WithNamespace(ns));

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => _core.CollectionExistsAsync(cancellationToken);

    /// <summary>Creates the serverless index when it does not exist (dimension and metric from the vector property), then waits until it is ready.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => _core.EnsureCollectionExistsAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) => _core.EnsureCollectionDeletedAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task<TRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(key, options, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<TRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(keys, options, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<TRecord> GetAsync(Expression<Func<TRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<TRecord>? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(filter, top, options, cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => _core.DeleteAsync(key, cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) => _core.DeleteAsync(keys, cancellationToken);

    /// <inheritdoc/>
    public override Task UpsertAsync(TRecord record, CancellationToken cancellationToken = default) => _core.UpsertAsync([record], cancellationToken);

    /// <summary>Upserts records in batches within Pinecone's limits (1,000 vectors and 2 MiB per request); a large set is split, never refused.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public override Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default) => _core.UpsertAsync(records, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default) =>
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
