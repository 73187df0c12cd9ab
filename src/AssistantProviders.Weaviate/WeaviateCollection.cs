// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AssistantProviders.Weaviate.Internal;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate;

/// <summary>
/// A Weaviate collection (class) of <typeparamref name="TRecord"/> records keyed by <see cref="Guid"/> object ids: upserts in batches of
/// <see cref="WeaviateClientOptions.MaxBatchSize"/>, gets and deletes by id, filtered gets, <c>nearVector</c> search, <c>hybrid</c>
/// search (<see cref="IKeywordHybridSearchable{TRecord}"/>, alpha from <see cref="WeaviateHybridSearchOptions{TRecord}"/>) and BM25
/// keyword search. With a tenant (<see cref="WeaviateCollectionOptions.Tenant"/>) every call is for that tenant.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The MEVD connector naming: a VectorStoreCollection is a <Vendor>Collection.")]
public sealed class WeaviateCollection<TRecord> : VectorStoreCollection<Guid, TRecord>, IKeywordHybridSearchable<TRecord>
    where TRecord : class
{
    private readonly WeaviateCollectionCore<TRecord> _core;

    internal WeaviateCollection(WeaviateCollectionCore<TRecord> core)
    {
        _core = core;
    }

    /// <inheritdoc/>
    public override string Name => _core.Name;

    /// <summary>Gets the tenant every call is made for, or <see langword="null"/>.</summary>
    public string? Tenant => _core.Tenant;

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => _core.ExistsAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => _core.EnsureExistsAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) => _core.DeleteCollectionAsync(cancellationToken);

    /// <inheritdoc/>
    public override Task<TRecord?> GetAsync(Guid key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(key, options, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<TRecord> GetAsync(IEnumerable<Guid> keys, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _core.GetAsync([.. keys], options, cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<TRecord> GetAsync(Expression<Func<TRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<TRecord>? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(filter, top, options, cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(Guid key, CancellationToken cancellationToken = default) => _core.DeleteAsync(key, cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<Guid> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _core.DeleteAsync([.. keys], cancellationToken);
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(TRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _core.UpsertAsync([record], cancellationToken);
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return _core.UpsertAsync([.. records], cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default) =>
        _core.SearchAsync(searchValue, top, options, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<VectorSearchResult<TRecord>> HybridSearchAsync<TInput>(TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default)
        where TInput : notnull =>
        _core.HybridSearchAsync(searchValue, keywords, top, options, cancellationToken);

    /// <summary>A BM25 keyword search (GraphQL <c>bm25</c>) over the full-text property; scores are BM25 scores (higher is better).</summary>
    /// <param name="query">The keywords.</param>
    /// <param name="top">How many results.</param>
    /// <param name="options">Filter, skip, the full-text property (<see cref="HybridSearchOptions{TRecord}.AdditionalProperty"/>), vectors.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The results, best first.</returns>
    public IAsyncEnumerable<VectorSearchResult<TRecord>> KeywordSearchAsync(string query, int top, HybridSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default) =>
        _core.KeywordSearchAsync(query, top, options, cancellationToken);

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return _core.GetService(serviceType, serviceKey) ?? (serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null);
    }
}
