// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using AssistantProviders.Weaviate.Internal;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate;

/// <summary>
/// A Weaviate collection of dictionary records (<c>Dictionary&lt;string, object?&gt;</c>, shaped by a
/// <see cref="VectorStoreCollectionDefinition"/>): the AOT- and trimming-safe path. Keys are <see cref="Guid"/> values (or UUID strings)
/// passed as <see cref="object"/>. Same operations as <see cref="WeaviateCollection{TRecord}"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The MEVD connector naming: a VectorStoreCollection is a <Vendor>Collection.")]
public sealed class WeaviateDynamicCollection : VectorStoreCollection<object, Dictionary<string, object?>>, IKeywordHybridSearchable<Dictionary<string, object?>>
{
    private readonly WeaviateCollectionCore<Dictionary<string, object?>> _core;

    internal WeaviateDynamicCollection(WeaviateCollectionCore<Dictionary<string, object?>> core)
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
    public override Task<Dictionary<string, object?>?> GetAsync(object key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(KeyOf(key), options, cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<Dictionary<string, object?>> GetAsync(IEnumerable<object> keys, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _core.GetAsync([.. keys.Select(KeyOf)], options, cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<Dictionary<string, object?>> GetAsync(Expression<Func<Dictionary<string, object?>, bool>> filter, int top, FilteredRecordRetrievalOptions<Dictionary<string, object?>>? options = null, CancellationToken cancellationToken = default) =>
        _core.GetAsync(filter, top, options, cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(object key, CancellationToken cancellationToken = default) => _core.DeleteAsync(KeyOf(key), cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<object> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _core.DeleteAsync([.. keys.Select(KeyOf)], cancellationToken);
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(Dictionary<string, object?> record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _core.UpsertAsync([record], cancellationToken);
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(IEnumerable<Dictionary<string, object?>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return _core.UpsertAsync([.. records], cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<VectorSearchResult<Dictionary<string, object?>>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<Dictionary<string, object?>>? options = null, CancellationToken cancellationToken = default) =>
        _core.SearchAsync(searchValue, top, options, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<VectorSearchResult<Dictionary<string, object?>>> HybridSearchAsync<TInput>(TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<Dictionary<string, object?>>? options = null, CancellationToken cancellationToken = default)
        where TInput : notnull =>
        _core.HybridSearchAsync(searchValue, keywords, top, options, cancellationToken);

    /// <summary>A BM25 keyword search (GraphQL <c>bm25</c>) over the full-text property.</summary>
    /// <param name="query">The keywords.</param>
    /// <param name="top">How many results.</param>
    /// <param name="options">Filter, skip, the full-text property, vectors.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The results, best first.</returns>
    public IAsyncEnumerable<VectorSearchResult<Dictionary<string, object?>>> KeywordSearchAsync(string query, int top, HybridSearchOptions<Dictionary<string, object?>>? options = null, CancellationToken cancellationToken = default) =>
        _core.KeywordSearchAsync(query, top, options, cancellationToken);

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return _core.GetService(serviceType, serviceKey) ?? (serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null);
    }

    private static Guid KeyOf(object key) => key switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var parsed) => parsed,
        null => throw new ArgumentNullException(nameof(key)),
        _ => throw new ArgumentException($"Weaviate keys are UUIDs (Guid or a UUID string), not {key.GetType().Name} '{key}'.", nameof(key)),
    };
}
