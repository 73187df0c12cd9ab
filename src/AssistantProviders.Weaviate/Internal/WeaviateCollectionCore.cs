// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// The work of one Weaviate collection, shared by <see cref="WeaviateCollection{TRecord}"/> (POCO records, <see cref="Guid"/> keys)
/// and <see cref="WeaviateDynamicCollection"/> (dictionary records): schema calls, batched upserts, gets, deletes and the GraphQL
/// searches.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class WeaviateCollectionCore<TRecord>
    where TRecord : class
{
    private readonly WeaviateRest _rest;

    public WeaviateCollectionCore(WeaviateRest rest, string name, CollectionModel model, WeaviateCollectionOptions? options)
    {
        _rest = rest;
        ValidateName(name);
        Name = name;
        Model = model;
        Tenant = options?.Tenant is { } tenant ? ValidateTenant(tenant) : null;
        HybridAlpha = options?.HybridAlpha ?? rest.Options.HybridAlpha;
        foreach (var property in model.DataProperties.Cast<PropertyModel>().Concat(model.VectorProperties))
        {
            if (!GraphQLText.IsName(property.StorageName) || property.StorageName is "id" or "_additional")
            {
                throw new ArgumentException($"The property '{property.ModelName}' has the storage name '{property.StorageName}', which Weaviate does not allow: use letters, digits and '_' (starting with a letter or '_'), and not 'id' or '_additional'.");
            }
        }

        Metadata = new VectorStoreCollectionMetadata
        {
            VectorStoreSystemName = WeaviateProvider.Id,
            VectorStoreName = rest.Endpoint.Host,
            CollectionName = name,
        };
    }

    public string Name { get; }

    public CollectionModel Model { get; }

    public string? Tenant { get; }

    public double HybridAlpha { get; }

    public VectorStoreCollectionMetadata Metadata { get; }

    /// <summary>Weaviate class names are GraphQL names starting with an upper-case letter (Weaviate capitalizes any other).</summary>
    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!GraphQLText.IsName(name) || !char.IsAsciiLetterUpper(name[0]))
        {
            throw new ArgumentException($"'{name}' is not a valid Weaviate collection name: it must start with an upper-case letter and hold only letters, digits and '_' (for example 'Articles').", nameof(name));
        }
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken) =>
        await _rest.GetClassAsync(Name, cancellationToken).ConfigureAwait(false) is not null;

    public async Task EnsureExistsAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await _rest.CreateClassAsync(WeaviateClassDefinition.Create(Name, Model, Tenant is not null), cancellationToken).ConfigureAwait(false);
                Log.CollectionCreated(_rest.Logger, Name, Model.DataProperties.Count, Model.VectorProperties.Count);
            }
            catch (AssistantProviderException ex) when (ex.StatusCode == 422)
            {
                // Created by someone else in the meantime? Then it exists, which is what was asked; else the 422 stands.
                if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }

        if (Tenant is not null)
        {
            await _rest.AddTenantAsync(Name, Tenant, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteCollectionAsync(CancellationToken cancellationToken)
    {
        await _rest.DeleteClassAsync(Name, cancellationToken).ConfigureAwait(false);
        Log.CollectionDeleted(_rest.Logger, Name);
    }

    public async Task<TRecord?> GetAsync(Guid key, RecordRetrievalOptions? options, CancellationToken cancellationToken)
    {
        var includeVectors = IncludeVectors(options?.IncludeVectors == true);
        var found = await _rest.GetObjectAsync(Name, key, Tenant, includeVectors, cancellationToken).ConfigureAwait(false);
        if (found is not { } obj)
        {
            // Weaviate answers 404 for a missing object and for a missing class alike: a missing class is an error, not "no record".
            return await ExistsAsync(cancellationToken).ConfigureAwait(false) ? null : throw MissingCollection();
        }

        var id = obj.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && Guid.TryParse(idElement.GetString(), out var parsed) ? parsed : key;
        return WeaviateRecordMapper.FromObject<TRecord>(
            Model,
            id,
            obj.TryGetProperty("properties", out var properties) ? properties : default,
            obj.TryGetProperty("vector", out var vector) ? vector : default,
            obj.TryGetProperty("vectors", out var vectors) ? vectors : default,
            includeVectors);
    }

    public async IAsyncEnumerable<TRecord> GetAsync(IReadOnlyList<Guid> keys, RecordRetrievalOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var includeVectors = IncludeVectors(options?.IncludeVectors == true);
        foreach (var chunk in keys.Distinct().Chunk(_rest.Options.MaxBatchSize))
        {
            var where = "{path: [\"id\"], operator: ContainsAny, valueText: [" + string.Join(", ", chunk.Select(k => GraphQLText.Quote(k.ToString("D")))) + "]}";
            var query = new WeaviateQuery(Name).Tenant(Tenant).Limit(chunk.Length).Where(where).Build(Model, includeVectors, distance: false, score: false);
            await foreach (var (record, _) in RunAsync(query, "get", includeVectors, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    public async IAsyncEnumerable<TRecord> GetAsync(Expression<Func<TRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<TRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Skip);
        var includeVectors = IncludeVectors(options.IncludeVectors);
        var sort = new List<(string, bool)>();
        if (options.OrderBy?.Invoke(new()).Values is { } orderBy)
        {
            foreach (var sortInfo in orderBy)
            {
                var property = Model.GetDataOrKeyProperty(sortInfo.PropertySelector);
                sort.Add((property is KeyPropertyModel ? "_id" : property.StorageName, sortInfo.Ascending));
            }
        }

        var query = new WeaviateQuery(Name).Tenant(Tenant).Limit(top).Offset(options.Skip)
            .Where(WeaviateFilterTranslator.Translate(filter, Model)).Sort(sort)
            .Build(Model, includeVectors, distance: false, score: false);
        await foreach (var (record, _) in RunAsync(query, "get", includeVectors, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public Task DeleteAsync(Guid key, CancellationToken cancellationToken) => _rest.DeleteObjectAsync(Name, key, Tenant, cancellationToken);

    public async Task DeleteAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Distinct().Chunk(_rest.Options.MaxBatchSize))
        {
            await _rest.BatchDeleteAsync(Name, chunk, Tenant, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Upserts records in batches of <see cref="WeaviateClientOptions.MaxBatchSize"/>; generated keys are set on the records.</summary>
    public async Task UpsertAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (records.Count == 0)
        {
            return;
        }

        var generated = await GenerateEmbeddingsAsync(records, cancellationToken).ConfigureAwait(false);
        var keyProperty = Model.KeyProperty;
        var objects = new List<JsonObject>(records.Count);
        var newKeys = new List<(TRecord Record, Guid Key)>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException("The records contain a null record.", nameof(records));
            var key = WeaviateRecordMapper.KeyOf(Model, record);
            if (key == Guid.Empty)
            {
                if (!keyProperty.IsAutoGenerated)
                {
                    throw new ArgumentException($"Record {i} has an empty key '{keyProperty.ModelName}'; Weaviate needs a UUID for every object.", nameof(records));
                }

                key = Guid.NewGuid();
                newKeys.Add((record, key));
            }

            var vectors = generated is null ? null : generated.ToDictionary(g => g.Key, g => g.Value[i]);
            objects.Add(WeaviateRecordMapper.ToObject(Model, Name, Tenant, record, key, vectors));
        }

        var batches = 0;
        foreach (var chunk in objects.Chunk(_rest.Options.MaxBatchSize))
        {
            await _rest.BatchObjectsAsync(Name, new JsonArray([.. chunk]), cancellationToken).ConfigureAwait(false);
            batches++;
        }

        foreach (var (record, key) in newKeys)
        {
            keyProperty.SetValueAsObject(record, keyProperty.Type == typeof(string) ? key.ToString("D") : key);
        }

        Log.Upserted(_rest.Logger, Name, records.Count, batches);
    }

    public async IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<TRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Skip);
        var vectorProperty = Model.GetVectorPropertyOrSingle(options);
        var vector = await VectorOfAsync(vectorProperty, searchValue, cancellationToken).ConfigureAwait(false);
        var includeVectors = IncludeVectors(options.IncludeVectors);
        var query = new WeaviateQuery(Name).Tenant(Tenant).Limit(top).Offset(options.Skip)
            .Where(options.Filter is null ? null : WeaviateFilterTranslator.Translate(options.Filter, Model))
            .NearVector(vector.Span, TargetOf(vectorProperty))
            .Build(Model, includeVectors, distance: true, score: false);
        await foreach (var (record, additional) in RunAsync(query, "search", includeVectors, cancellationToken).ConfigureAwait(false))
        {
            var score = Number(additional, "distance") is { } distance ? WeaviateDistance.ScoreOf(vectorProperty.DistanceFunction, distance) : (double?)null;
            if (Passes(score, options.ScoreThreshold, WeaviateDistance.HigherIsNearer(vectorProperty.DistanceFunction)))
            {
                yield return new VectorSearchResult<TRecord>(record, score);
            }
        }
    }

    public async IAsyncEnumerable<VectorSearchResult<TRecord>> HybridSearchAsync<TInput>(TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<TRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentNullException.ThrowIfNull(keywords);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Skip);
        var vectorProperty = Model.GetVectorPropertyOrSingle(new VectorSearchOptions<TRecord> { VectorProperty = options.VectorProperty });
        var textProperty = Model.GetFullTextDataPropertyOrSingle(options.AdditionalProperty);
        var vector = await VectorOfAsync(vectorProperty, searchValue, cancellationToken).ConfigureAwait(false);
        var alpha = (options as WeaviateHybridSearchOptions<TRecord>)?.Alpha ?? HybridAlpha;
        if (alpha is < 0 or > 1 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(options), alpha, "The hybrid alpha must be between 0 (keyword only) and 1 (vector only).");
        }

        var includeVectors = IncludeVectors(options.IncludeVectors);
        var query = new WeaviateQuery(Name).Tenant(Tenant).Limit(top).Offset(options.Skip)
            .Where(options.Filter is null ? null : WeaviateFilterTranslator.Translate(options.Filter, Model))
            .Hybrid(string.Join(' ', keywords), alpha, vector.Span, textProperty.StorageName, TargetOf(vectorProperty))
            .Build(Model, includeVectors, distance: false, score: true);
        await foreach (var (record, additional) in RunAsync(query, "hybrid", includeVectors, cancellationToken).ConfigureAwait(false))
        {
            var score = Number(additional, "score");
            if (Passes(score, options.ScoreThreshold, higherIsNearer: true))
            {
                yield return new VectorSearchResult<TRecord>(record, score);
            }
        }
    }

    public async IAsyncEnumerable<VectorSearchResult<TRecord>> KeywordSearchAsync(string query, int top, HybridSearchOptions<TRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Skip);
        var textProperty = Model.GetFullTextDataPropertyOrSingle(options.AdditionalProperty);
        var includeVectors = IncludeVectors(options.IncludeVectors);
        var graphQL = new WeaviateQuery(Name).Tenant(Tenant).Limit(top).Offset(options.Skip)
            .Where(options.Filter is null ? null : WeaviateFilterTranslator.Translate(options.Filter, Model))
            .Bm25(query, textProperty.StorageName)
            .Build(Model, includeVectors, distance: false, score: true);
        await foreach (var (record, additional) in RunAsync(graphQL, "bm25", includeVectors, cancellationToken).ConfigureAwait(false))
        {
            var score = Number(additional, "score");
            if (Passes(score, options.ScoreThreshold, higherIsNearer: true))
            {
                yield return new VectorSearchResult<TRecord>(record, score);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey) =>
        serviceKey is not null ? null
        : serviceType == typeof(VectorStoreCollectionMetadata) ? Metadata
        : serviceType == typeof(CollectionModel) ? Model
        : null;

    private async IAsyncEnumerable<(TRecord Record, JsonElement Additional)> RunAsync(string query, string operation, bool includeVectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var data = await _rest.GraphQLAsync(Name, query, cancellationToken).ConfigureAwait(false);
        if (!data.TryGetProperty("Get", out var get) || get.ValueKind != JsonValueKind.Object ||
            !get.TryGetProperty(Name, out var hits) || hits.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw _rest.InvalidResponse($"the GraphQL answer has no data.Get.{Name} list");
        }

        if (hits.ValueKind == JsonValueKind.Null)
        {
            Log.Queried(_rest.Logger, operation, Name, 0);
            yield break;
        }

        Log.Queried(_rest.Logger, operation, Name, hits.GetArrayLength());
        foreach (var hit in hits.EnumerateArray())
        {
            var additional = hit.TryGetProperty("_additional", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
            if (additional.ValueKind != JsonValueKind.Object || !additional.TryGetProperty("id", out var idElement) || !Guid.TryParse(idElement.GetString(), out var id))
            {
                throw _rest.InvalidResponse("a GraphQL hit has no _additional.id UUID");
            }

            var record = WeaviateRecordMapper.FromObject<TRecord>(
                Model,
                id,
                hit,
                additional.TryGetProperty("vector", out var vector) ? vector : default,
                additional.TryGetProperty("vectors", out var vectors) ? vectors : default,
                includeVectors);
            yield return (record, additional);
        }
    }

    private AssistantProviderException MissingCollection() =>
        new($"The Weaviate collection '{Name}' does not exist; create it with EnsureCollectionExistsAsync.")
        {
            Kind = ProviderErrorKind.NotFound,
            ProviderId = WeaviateProvider.Id,
            StatusCode = 404,
            ErrorCode = "collection_not_found",
        };

    private static double? Number(JsonElement additional, string name) =>
        additional.ValueKind == JsonValueKind.Object && additional.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble(),

                // GraphQL _additional.score is a string in Weaviate ("0.8").
                JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;

    private static bool Passes(double? score, double? threshold, bool higherIsNearer) =>
        threshold is not { } limit || score is not { } s || (higherIsNearer ? s >= limit : s <= limit);

    private string? TargetOf(VectorPropertyModel vectorProperty) => WeaviateRecordMapper.UsesNamedVectors(Model) ? vectorProperty.StorageName : null;

    private bool IncludeVectors(bool requested)
    {
        if (requested && Model.EmbeddingGenerationRequired)
        {
            throw new NotSupportedException(VectorDataStrings.IncludeVectorsNotSupportedWithEmbeddingGeneration);
        }

        return requested;
    }

    private static async Task<ReadOnlyMemory<float>> VectorOfAsync<TInput>(VectorPropertyModel vectorProperty, TInput searchValue, CancellationToken cancellationToken)
        where TInput : notnull
    {
        ReadOnlyMemory<float> vector;
        switch (searchValue)
        {
            case ReadOnlyMemory<float> memory:
                vector = memory;
                break;
            case float[] array:
                vector = array;
                break;
            case Embedding<float> embedding:
                vector = embedding.Vector;
                break;
            default:
                if (vectorProperty.EmbeddingGenerator is null)
                {
                    throw new NotSupportedException(VectorDataStrings.InvalidSearchInputAndNoEmbeddingGeneratorWasConfigured(searchValue.GetType(), WeaviateModelBuilder.SupportedVectorTypes));
                }

                var generated = await vectorProperty.GenerateEmbeddingAsync(searchValue, cancellationToken).ConfigureAwait(false);
                vector = generated is Embedding<float> floats
                    ? floats.Vector
                    : throw new NotSupportedException($"The embedding generator of '{vectorProperty.ModelName}' made a {generated.GetType().Name}; Weaviate needs Embedding<float>.");
                break;
        }

        WeaviateRecordMapper.CheckDimensions(vectorProperty, vector.Length, "search");
        return vector;
    }

    private async Task<Dictionary<VectorPropertyModel, ReadOnlyMemory<float>[]>?> GenerateEmbeddingsAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        Dictionary<VectorPropertyModel, ReadOnlyMemory<float>[]>? generated = null;
        foreach (var vectorProperty in Model.VectorProperties)
        {
            if (vectorProperty.EmbeddingGenerator is null || WeaviateModelBuilder.IsVectorType(vectorProperty.Type))
            {
                continue;
            }

            var embeddings = await vectorProperty.GenerateEmbeddingsAsync(records.Select(r => vectorProperty.GetValueAsObject(r)!), cancellationToken).ConfigureAwait(false);
            var vectors = new ReadOnlyMemory<float>[records.Count];
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] = embeddings[i] is Embedding<float> floats
                    ? floats.Vector
                    : throw new NotSupportedException($"The embedding generator of '{vectorProperty.ModelName}' made a {embeddings[i].GetType().Name}; Weaviate needs Embedding<float>.");
            }

            (generated ??= [])[vectorProperty] = vectors;
        }

        return generated;
    }

    private static string ValidateTenant(string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return tenant.Length <= 64 && tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? tenant
            : throw new ArgumentException($"'{tenant}' is not a valid Weaviate tenant name: use up to 64 letters, digits, '_' and '-'.", nameof(tenant));
    }
}
