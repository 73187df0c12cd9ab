// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// Everything a Pinecone collection does, for typed and dynamic records alike (the public collections are facades with their key
/// type): one serverless index (the collection name) and one namespace.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class PineconeCollectionCore<TRecord>
    where TRecord : class
{
    private readonly PineconeControlPlane _control;
    private readonly PineconeClientOptions _options;
    private readonly PineconeDataPlane _data;
    private readonly PineconeRecordMapper _mapper;
    private readonly string _cloud;
    private readonly string _region;

    public PineconeCollectionCore(PineconeControlPlane control, PineconeClientOptions options, string name, CollectionModel model, PineconeCollectionOptions? collectionOptions)
        : this(control, options, name, model, collectionOptions?.Namespace ?? options.Namespace, collectionOptions?.Cloud ?? options.Cloud, collectionOptions?.Region ?? options.Region, null)
    {
    }

    private PineconeCollectionCore(PineconeControlPlane control, PineconeClientOptions options, string name, CollectionModel model, string? ns, string cloud, string region, PineconeDataPlane? data)
    {
        _control = control;
        _options = options;
        Name = name;
        Model = model;
        Namespace = ns ?? string.Empty;
        _cloud = cloud;
        _region = region;
        _data = data ?? new PineconeDataPlane(control, options, name);
        _mapper = new PineconeRecordMapper(model, name);
        Metric = PineconeMetric.FromDistanceFunction(model.VectorProperty.DistanceFunction);
    }

    public string Name { get; }

    public string Namespace { get; }

    public CollectionModel Model { get; }

    public string Metric { get; }

    public VectorStoreCollectionMetadata Metadata => new()
    {
        VectorStoreSystemName = PineconeProvider.Id,
        VectorStoreName = _control.Transport.Endpoint.Host,
        CollectionName = Name,
    };

    /// <summary>The same index seen through another namespace (shares the data-plane host).</summary>
    public PineconeCollectionCore<TRecord> WithNamespace(string? ns) => new(_control, _options, Name, Model, ns, _cloud, _region, _data);

    public async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken) =>
        await _control.DescribeAsync(Name, cancellationToken).ConfigureAwait(false) is not null;

    public async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken)
    {
        var dimension = Model.VectorProperty.Dimensions;
        var index = await _control.DescribeAsync(Name, cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            if (dimension is < 1 or > PineconeProvider.MaxDimension)
            {
                throw new ArgumentException($"The vector property '{Model.VectorProperty.ModelName}' must declare 1 to {PineconeProvider.MaxDimension} dimensions to create a Pinecone index; it declares {dimension}.");
            }

            var filterable = Model.DataProperties.Where(p => p.IsIndexed).Select(p => p.StorageName).ToList();
            await _control.CreateAsync(Name, dimension, Metric, _cloud, _region, filterable, cancellationToken).ConfigureAwait(false);
        }
        else if (index.Dimension is { } existing && existing != dimension)
        {
            throw new AssistantProviderException(
                $"Vector dimension mismatch: the Pinecone index '{Name}' exists with {existing} dimensions, but '{Model.VectorProperty.ModelName}' declares {dimension}.")
            {
                ProviderId = PineconeProvider.Id,
                Kind = ProviderErrorKind.BadRequest,
            };
        }

        _data.UseHost(await _control.WaitUntilReadyAsync(Name, index, cancellationToken).ConfigureAwait(false));
    }

    public async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken)
    {
        await _control.DeleteAsync(Name, cancellationToken).ConfigureAwait(false);
        _data.Forget();
    }

    public async Task<TRecord?> GetAsync(string key, RecordRetrievalOptions? options, CancellationToken cancellationToken)
    {
        var id = PineconeRecordMapper.ValidateKey(key, nameof(key));
        CheckIncludeVectors(options?.IncludeVectors == true);
        var found = await _data.FetchAsync([id], Namespace, cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(id, out var vector)
            ? _mapper.FromVector<TRecord>(id, vector.Values, vector.Metadata, options?.IncludeVectors == true)
            : null;
    }

    public async IAsyncEnumerable<TRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = keys.Select(k => PineconeRecordMapper.ValidateKey(k, nameof(keys))).ToList();
        CheckIncludeVectors(options?.IncludeVectors == true);
        cancellationToken.ThrowIfCancellationRequested();
        var found = await _data.FetchAsync(ids, Namespace, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (found.TryGetValue(id, out var vector))
            {
                yield return _mapper.FromVector<TRecord>(id, vector.Values, vector.Metadata, options?.IncludeVectors == true);
            }
        }
    }

    public async IAsyncEnumerable<TRecord> GetAsync(Expression<Func<TRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<TRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new();
        if (options.OrderBy is not null)
        {
            throw new NotSupportedException("Pinecone cannot order records: fetch_by_metadata returns them unordered. Leave FilteredRecordRetrievalOptions.OrderBy unset.");
        }

        CheckIncludeVectors(options.IncludeVectors);
        var translated = new PineconeFilterTranslator().Translate(filter, Model);
        cancellationToken.ThrowIfCancellationRequested();
        var skip = Math.Max(0, options.Skip);
        var vectors = await _data.FetchByMetadataAsync(translated, checked(top + skip), Namespace, cancellationToken).ConfigureAwait(false);
        foreach (var vector in vectors.Skip(skip).Take(top))
        {
            yield return _mapper.FromVector<TRecord>(vector.Id!, vector.Values, vector.Metadata, options.IncludeVectors);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _data.DeleteAsync([PineconeRecordMapper.ValidateKey(key, nameof(key))], Namespace, cancellationToken);

    public Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = keys.Select(k => PineconeRecordMapper.ValidateKey(k, nameof(keys))).ToList();
        return _data.DeleteAsync(ids, Namespace, cancellationToken);
    }

    public async Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyList<TRecord> ?? records.ToList();
        if (list.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Embedding>? generated = null;
        var vectorProperty = Model.VectorProperty;
        if (vectorProperty.EmbeddingGenerator is not null && !PineconeModelBuilder.IsNativeVectorType(vectorProperty.Type))
        {
            foreach (var record in list)
            {
                _mapper.KeyOf(record);
            }

            generated = await vectorProperty.GenerateEmbeddingsAsync(list.Select(r => vectorProperty.GetValueAsObject(r)), cancellationToken).ConfigureAwait(false);
        }

        var vectors = new PineconeVector[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(records));
            vectors[i] = _mapper.ToVector(list[i], generated is null ? (ReadOnlyMemory<float>?)null : ((Embedding<float>)generated[i]).Vector);
        }

        var requests = await _data.UpsertAsync(vectors, Namespace, cancellationToken).ConfigureAwait(false);
        Log.Upserted(_control.Transport.Logger, vectors.Length, Name, requests);
    }

    public async IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<TRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new();
        var vectorProperty = Model.GetVectorPropertyOrSingle(options);
        CheckIncludeVectors(options.IncludeVectors);
        var skip = Math.Max(0, options.Skip);
        if (top + skip > PineconeProvider.MaxTopK)
        {
            throw new ArgumentOutOfRangeException(nameof(top), $"Pinecone returns at most {PineconeProvider.MaxTopK} matches; top + skip is {top + skip}.");
        }

        var filter = options.Filter is null ? null : new PineconeFilterTranslator().Translate(options.Filter, Model);
        cancellationToken.ThrowIfCancellationRequested();
        ReadOnlyMemory<float> vector;
        if (PineconeRecordMapper.VectorOf(searchValue) is { } given)
        {
            vector = given;
        }
        else if (vectorProperty.EmbeddingGenerator is not null)
        {
            var embedding = await vectorProperty.GenerateEmbeddingAsync(searchValue, cancellationToken).ConfigureAwait(false);
            vector = embedding is Embedding<float> floats
                ? floats.Vector
                : throw new InvalidOperationException(VectorDataStrings.IncompatibleEmbeddingGeneratorWasConfiguredForInputType(typeof(TInput), embedding.GetType()));
        }
        else
        {
            throw new NotSupportedException(VectorDataStrings.InvalidSearchInputAndNoEmbeddingGeneratorWasConfigured(typeof(TInput), PineconeModelBuilder.SupportedVectorTypes));
        }

        PineconeRecordMapper.CheckDimensions(vector.Length, vectorProperty, Name, "the search vector");
        var matches = await _data.QueryAsync(
            new PineconeQueryRequest
            {
                Namespace = string.IsNullOrEmpty(Namespace) ? null : Namespace,
                TopK = top + skip,
                Filter = filter,
                IncludeValues = options.IncludeVectors,
                IncludeMetadata = true,
                Vector = vector.ToArray(),
            },
            cancellationToken).ConfigureAwait(false);
        var higherIsNearer = PineconeMetric.HigherIsNearer(Metric);
        foreach (var match in matches.Skip(skip).Take(top))
        {
            if (options.ScoreThreshold is { } threshold && match.Score is { } score && (higherIsNearer ? score < threshold : score > threshold))
            {
                continue;
            }

            if (string.IsNullOrEmpty(match.Id))
            {
                throw _control.Transport.InvalidResponse(null, "a query match had no id", null);
            }

            yield return new VectorSearchResult<TRecord>(_mapper.FromVector<TRecord>(match.Id, match.Values, match.Metadata, options.IncludeVectors), match.Score);
        }
    }

    private void CheckIncludeVectors(bool includeVectors)
    {
        if (includeVectors && Model.EmbeddingGenerationRequired)
        {
            throw new NotSupportedException(VectorDataStrings.IncludeVectorsNotSupportedWithEmbeddingGeneration);
        }
    }
}
