// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.VectorStores;

/// <summary>
/// One collection of an embedded store (<see cref="IVectorCollectionHost"/>: in memory, or SQLite): a view over the store's
/// named collection storage through one record model (typed or dynamic). Validation (keys, dimensions), embedding generation,
/// record mapping, exact search (every record scored with <see cref="VectorScoring"/>) and filters (evaluated with
/// <see cref="VectorFilterTranslator"/>) live here; the storage only keeps <see cref="StoredRecord"/>s. Records are copied in
/// and out, so a caller changing a record after an upsert or a get never changes what is stored. Thread-safe. (Linked into
/// AssistantProviders.Sqlite.)
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class RecordCollection<TKey, TRecord> : VectorStoreCollection<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    private readonly IVectorCollectionHost _host;
    private readonly CollectionModel _model;
    private readonly VectorStoreCollectionMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="RecordCollection{TKey, TRecord}"/> class.</summary>
    /// <param name="host">The store.</param>
    /// <param name="name">The collection name.</param>
    /// <param name="model">The record model.</param>
    public RecordCollection(IVectorCollectionHost host, string name, CollectionModel model)
    {
        _host = host;
        Name = name;
        _model = model;
        _metadata = new VectorStoreCollectionMetadata
        {
            VectorStoreSystemName = host.SystemName,
            VectorStoreName = host.SystemName,
            CollectionName = name,
        };
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_host.TryGetStorage(Name, out _));
    }

    /// <inheritdoc/>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _host.EnsureStorage(Name, _model);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _host.RemoveStorage(Name);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task<TRecord?> GetAsync(TKey key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var storedKey = ValidKey(key, nameof(key));
        var includeVectors = IncludeVectors(options?.IncludeVectors ?? false);
        var state = RequireState("Get");
        var found = state.Get([storedKey], includeVectors);
        return Task.FromResult(found.Count == 0 ? null : ToRecord(found[0], state, includeVectors));
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<TRecord> GetAsync(IEnumerable<TKey> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var storedKeys = keys.Select(k => ValidKey(k, nameof(keys))).ToList();
        var includeVectors = IncludeVectors(options?.IncludeVectors ?? false);
        var state = RequireState("Get");
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in state.Get(storedKeys, includeVectors))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToRecord(entry, state, includeVectors);
        }
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<TRecord> GetAsync(
        Expression<Func<TRecord, bool>> filter,
        int top,
        FilteredRecordRetrievalOptions<TRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new FilteredRecordRetrievalOptions<TRecord>();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Skip, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();
        var predicate = new VectorFilterTranslator().Translate(filter, _model);
        var includeVectors = IncludeVectors(options.IncludeVectors);
        var orderBy = options.OrderBy?.Invoke(new FilteredRecordRetrievalOptions<TRecord>.OrderByDefinition()).Values
            .Select(s => (Name: _model.GetDataOrKeyProperty(s.PropertySelector), s.Ascending))
            .ToList() ?? [];
        var state = RequireState("Get");

        var matches = new List<StoredRecord>();
        state.Scan((predicate, matches), includeVectors, static (s, entries) =>
        {
            foreach (var entry in entries)
            {
                if (s.predicate(entry))
                {
                    s.matches.Add(entry);
                }
            }
        });

        IEnumerable<StoredRecord> ordered = matches;
        if (orderBy.Count > 0)
        {
            var comparer = new StoredRecordOrderComparer(orderBy.Select(o => (o.Name, o.Ascending)).ToList());
            ordered = matches.Order(comparer);
        }

        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in ordered.Skip(options.Skip).Take(top))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToRecord(entry, state, includeVectors);
        }
    }

    /// <inheritdoc/>
    public override Task DeleteAsync(TKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var storedKey = ValidKey(key, nameof(key));
        RequireState("Delete").Delete([storedKey]);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var storedKeys = keys.Select(k => ValidKey(k, nameof(keys))).ToList();
        RequireState("Delete").Delete(storedKeys);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(TRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync([record], cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var list = records.ToList();
        foreach (var record in list)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
        }

        var state = RequireState("Upsert");

        // Everything is validated and converted before the write lock: a batch with one bad record writes nothing.
        var generated = await GenerateEmbeddingsAsync(list, cancellationToken).ConfigureAwait(false);
        var entries = new List<StoredRecord>(list.Count);
        var newKeys = new List<(TRecord Record, Guid Key)>();
        for (var i = 0; i < list.Count; i++)
        {
            var record = list[i];
            var key = _model.KeyProperty.GetValueAsObject(record);
            if (_model.KeyProperty.IsAutoGenerated && key is Guid guid && guid == Guid.Empty)
            {
                var generatedKey = Guid.NewGuid();
                newKeys.Add((record, generatedKey));
                key = generatedKey;
            }

            var storedKey = ValidKey(key, nameof(records));
            var data = new Dictionary<string, object?>(_model.DataProperties.Count, StringComparer.Ordinal);
            foreach (var property in _model.DataProperties)
            {
                data[property.StorageName] = CopyValue(property.GetValueAsObject(record));
            }

            var vectors = new float[]?[state.VectorNames.Count];
            for (var v = 0; v < _model.VectorProperties.Count; v++)
            {
                var property = _model.VectorProperties[v];
                var vector = generated[v] is { } fromGenerator ? fromGenerator[i] : ToVector(property.GetValueAsObject(record));
                if (vector is not null)
                {
                    ThrowIfDimensionMismatch(property, vector.Length, "record");
                }

                vectors[Ordinal(state, property)] = vector;
            }

            entries.Add(new StoredRecord(storedKey, data, vectors));
        }

        state.Upsert(entries);
        foreach (var (record, key) in newKeys)
        {
            _model.KeyProperty.SetValueAsObject(record, key);
        }
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(
        TInput searchValue,
        int top,
        VectorSearchOptions<TRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new VectorSearchOptions<TRecord>();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Skip, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();

        var property = _model.GetVectorPropertyOrSingle(options);
        var includeVectors = IncludeVectors(options.IncludeVectors);
        var predicate = options.Filter is null ? null : new VectorFilterTranslator().Translate(options.Filter, _model);
        var state = RequireState("Search");
        var query = await QueryVectorAsync(searchValue, property, cancellationToken).ConfigureAwait(false);
        ThrowIfDimensionMismatch(property, query.Length, "search vector");

        var hits = Scan(state, property, query, top + options.Skip, predicate, options.ScoreThreshold, cancellationToken);
        foreach (var (entry, score) in hits.Skip(options.Skip))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new VectorSearchResult<TRecord>(ToRecord(entry, state, includeVectors), score);
        }
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreCollectionMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    private static int OrdinalOf(IVectorCollectionStorage storage, string storageName)
    {
        var names = storage.VectorNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], storageName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static object? CopyValue(object? value) => value is Array array ? array.Clone() : value;

    private static float[]? ToVector(object? value) => value switch
    {
        null => null,
        ReadOnlyMemory<float> memory => memory.ToArray(),
        Embedding<float> embedding => embedding.Vector.ToArray(),
        float[] array => (float[])array.Clone(),
        _ => throw new NotSupportedException($"A vector of type '{value.GetType().Name}' is not supported; use {VectorModelBuilder.SupportedVectorTypes}."),
    };

    private static object FromVector(float[] vector, Type type) =>
        type == typeof(Embedding<float>) ? new Embedding<float>((float[])vector.Clone())
        : type == typeof(float[]) ? vector.Clone()
        : new ReadOnlyMemory<float>((float[])vector.Clone());

    private static List<(StoredRecord Entry, double Score)> Scan(
        IVectorCollectionStorage state,
        VectorPropertyModel property,
        float[] query,
        int keep,
        Func<StoredRecord, bool>? predicate,
        double? threshold,
        CancellationToken cancellationToken)
    {
        var ordinal = OrdinalOf(state, property.StorageName);
        var higherIsNearer = VectorScoring.HigherIsNearer(property.DistanceFunction);
        var scorer = VectorScoring.For(property.DistanceFunction);

        // A bounded heap of the best `keep` hits whose root is the worst of them.
        var heap = new PriorityQueue<StoredRecord, double>(keep + 1, higherIsNearer ? Comparer<double>.Default : Comparer<double>.Create(static (a, b) => b.CompareTo(a)));
        var scan = (ordinal, scorer, query, keep, predicate, threshold, higherIsNearer, heap, cancellationToken);
        if (ordinal >= 0)
        {
            state.Scan(scan, true, static (s, entries) =>
            {
                var seen = 0;
                foreach (var entry in entries)
                {
                    if ((++seen & 0xFFF) == 0)
                    {
                        s.cancellationToken.ThrowIfCancellationRequested();
                    }

                    var vector = entry.Vectors[s.ordinal];
                    if (vector is null || (s.predicate is not null && !s.predicate(entry)))
                    {
                        continue;
                    }

                    double score = s.scorer(s.query, vector);
                    if (s.threshold is { } limit && (s.higherIsNearer ? score < limit : score > limit))
                    {
                        continue;
                    }

                    if (s.heap.Count < s.keep)
                    {
                        s.heap.Enqueue(entry, score);
                    }
                    else if (s.heap.TryPeek(out _, out var worst) && (s.higherIsNearer ? score > worst : score < worst))
                    {
                        s.heap.DequeueEnqueue(entry, score);
                    }
                }
            });
        }

        var hits = new List<(StoredRecord Entry, double Score)>(heap.Count);
        while (heap.TryDequeue(out var entry, out var score))
        {
            hits.Add((entry, score));
        }

        hits.Reverse();
        return hits;
    }

    private static void ThrowIfDimensionMismatch(VectorPropertyModel property, int dimensions, string what)
    {
        if (dimensions != property.Dimensions)
        {
            throw new ArgumentException(
                $"The {what} for vector property '{property.ModelName}' has {dimensions} dimensions, but the collection expects {property.Dimensions}.");
        }
    }

    private async Task<float[][]?[]> GenerateEmbeddingsAsync(List<TRecord> records, CancellationToken cancellationToken)
    {
        var generated = new float[][]?[_model.VectorProperties.Count];
        for (var v = 0; v < _model.VectorProperties.Count; v++)
        {
            var property = _model.VectorProperties[v];
            if (VectorModelBuilder.IsNativeVectorType(property.Type))
            {
                continue;
            }

            var inputs = records.Select(r => property.GetValueAsObject(r)).ToList();
            var embeddings = await property.GenerateEmbeddingsAsync(inputs!, cancellationToken).ConfigureAwait(false);
            generated[v] = embeddings.Select(e => e is Embedding<float> f ? f.Vector.ToArray() : throw new InvalidOperationException(
                $"The embedding generator of vector property '{property.ModelName}' returned '{e.GetType().Name}'; the {_host.DisplayName} vector store keeps Embedding<float>.")).ToArray();
        }

        return generated;
    }

    private static async ValueTask<float[]> QueryVectorAsync<TInput>(TInput searchValue, VectorPropertyModel property, CancellationToken cancellationToken)
        where TInput : notnull
    {
        switch (searchValue)
        {
            case ReadOnlyMemory<float> memory:
                return memory.ToArray();
            case Embedding<float> embedding:
                return embedding.Vector.ToArray();
            case float[] array:
                return array;
        }

        if (property.EmbeddingGenerator is null)
        {
            throw new NotSupportedException(VectorDataStrings.InvalidSearchInputAndNoEmbeddingGeneratorWasConfigured(searchValue.GetType(), VectorModelBuilder.SupportedVectorTypes));
        }

        var generated = await property.GenerateEmbeddingAsync(searchValue, cancellationToken).ConfigureAwait(false);
        return generated is Embedding<float> floats
            ? floats.Vector.ToArray()
            : throw new InvalidOperationException($"The embedding generator of vector property '{property.ModelName}' returned '{generated.GetType().Name}'; the vector store searches with Embedding<float>.");
    }

    private bool IncludeVectors(bool requested)
    {
        if (requested && _model.EmbeddingGenerationRequired)
        {
            throw new NotSupportedException(VectorDataStrings.IncludeVectorsNotSupportedWithEmbeddingGeneration);
        }

        return requested;
    }

    private IVectorCollectionStorage RequireState(string operation) =>
        _host.TryGetStorage(Name, out var state) ? state : throw new VectorStoreException(
            $"The {_host.DisplayName} collection '{Name}' does not exist; call EnsureCollectionExistsAsync first.")
        {
            VectorStoreSystemName = _host.SystemName,
            VectorStoreName = _host.SystemName,
            CollectionName = Name,
            OperationName = operation,
        };

    private int Ordinal(IVectorCollectionStorage state, VectorPropertyModel property)
    {
        var ordinal = OrdinalOf(state, property.StorageName);
        return ordinal >= 0 ? ordinal : throw new InvalidOperationException(
            $"Vector property '{property.ModelName}' is not part of the {_host.DisplayName} collection '{Name}' as it was created; delete and recreate the collection to change its vectors.");
    }

    private object ValidKey(object? key, string parameterName)
    {
        switch (key)
        {
            case null:
                throw new ArgumentNullException(parameterName, $"A record of collection '{Name}' has no key.");
            case string text when text.Length == 0:
                throw new ArgumentException($"A record of collection '{Name}' has an empty key.", parameterName);
            default:
                if (typeof(TKey) == typeof(object) && key.GetType() != _model.KeyProperty.Type)
                {
                    throw new ArgumentException($"The key of collection '{Name}' must be a {_model.KeyProperty.Type.Name}, not a {key.GetType().Name}.", parameterName);
                }

                return key;
        }
    }

    private TRecord ToRecord(StoredRecord entry, IVectorCollectionStorage state, bool includeVectors)
    {
        var record = _model.CreateRecord<TRecord>();
        _model.KeyProperty.SetValueAsObject(record, ValueConversion.ConvertTo(entry.Key, _model.KeyProperty.Type));
        foreach (var property in _model.DataProperties)
        {
            if (entry.Data.TryGetValue(property.StorageName, out var value))
            {
                property.SetValueAsObject(record, ValueConversion.ConvertTo(CopyValue(value), property.Type));
            }
        }

        if (includeVectors)
        {
            foreach (var property in _model.VectorProperties)
            {
                var ordinal = OrdinalOf(state, property.StorageName);
                if (ordinal >= 0 && entry.Vectors[ordinal] is { } vector)
                {
                    property.SetValueAsObject(record, FromVector(vector, property.Type));
                }
            }
        }

        return record;
    }
}
