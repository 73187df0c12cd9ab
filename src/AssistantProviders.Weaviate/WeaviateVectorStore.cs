// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AssistantProviders.Weaviate.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate;

/// <summary>
/// A Microsoft.Extensions.VectorData <see cref="VectorStore"/> over Weaviate: collections are Weaviate classes (REST
/// <c>/v1/schema</c>), records are objects with UUID ids (<c>/v1/batch/objects</c>, <c>/v1/objects/{class}/{id}</c>), and searches are
/// GraphQL <c>Get</c> queries (<c>nearVector</c>, <c>hybrid</c>, <c>bm25</c>, <c>where</c>). Keys are <see cref="Guid"/>; collection
/// names start with an upper-case letter (Weaviate's class-name rule). Registered by <c>AddWeaviate()</c> keyed <c>weaviate</c>.
/// </summary>
public sealed class WeaviateVectorStore : VectorStore
{
    private const string DynamicCodeMessage = "This API is not compatible with NativeAOT. For dynamic mapping via Dictionary<string, object?>, use GetDynamicCollection() instead.";
    private const string UnreferencedCodeMessage = "This API is not compatible with trimming. For dynamic mapping via Dictionary<string, object?>, use GetDynamicCollection() instead.";
    private readonly WeaviateRest _rest;
    private readonly VectorStoreMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="WeaviateVectorStore"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (endpoint, key, batch size, time limit).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public WeaviateVectorStore(WeaviateClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal WeaviateVectorStore(WeaviateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _rest = new WeaviateRest(options, httpClient, logger, timeProvider);
        _metadata = new VectorStoreMetadata { VectorStoreSystemName = WeaviateProvider.Id, VectorStoreName = _rest.Endpoint.Host };
    }

    /// <inheritdoc/>
    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        if (typeof(TKey) != typeof(Guid))
        {
            throw new NotSupportedException($"Weaviate object ids are UUIDs: the key type must be Guid, not {typeof(TKey).Name}.");
        }

        return (VectorStoreCollection<TKey, TRecord>)(object)GetCollection<TRecord>(name, new WeaviateCollectionOptions { Definition = definition });
    }

    /// <summary>Gets a collection of POCO records with Weaviate options (a tenant, the hybrid alpha, an embedding generator).</summary>
    /// <typeparam name="TRecord">The record type (a <see cref="Guid"/> key, data properties and float vectors).</typeparam>
    /// <param name="name">The collection (Weaviate class) name, starting with an upper-case letter.</param>
    /// <param name="options">The collection options.</param>
    /// <returns>The collection (nothing is created until <c>EnsureCollectionExistsAsync</c>).</returns>
    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    public WeaviateCollection<TRecord> GetCollection<TRecord>(string name, WeaviateCollectionOptions? options)
        where TRecord : class
    {
        if (typeof(TRecord) == typeof(Dictionary<string, object?>))
        {
            throw new NotSupportedException(VectorDataStrings.GetCollectionWithDictionaryNotSupported);
        }

        var model = new WeaviateModelBuilder().Build(typeof(TRecord), typeof(Guid), options?.Definition, options?.EmbeddingGenerator);
        return new WeaviateCollection<TRecord>(new WeaviateCollectionCore<TRecord>(_rest, name, model, options));
    }

    /// <inheritdoc/>
    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition) =>
        GetDynamicCollection(name, new WeaviateCollectionOptions { Definition = definition ?? throw new ArgumentNullException(nameof(definition)) });

    /// <summary>Gets a collection of dictionary records (AOT-safe) with Weaviate options; <see cref="VectorStoreCollectionOptions.Definition"/> is required.</summary>
    /// <param name="name">The collection (Weaviate class) name, starting with an upper-case letter.</param>
    /// <param name="options">The collection options, with the record definition.</param>
    /// <returns>The collection.</returns>
    public WeaviateDynamicCollection GetDynamicCollection(string name, WeaviateCollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var definition = options.Definition ?? throw new ArgumentException("A dynamic collection needs options.Definition.", nameof(options));
        var model = new WeaviateModelBuilder().BuildDynamic(definition, options.EmbeddingGenerator);
        return new WeaviateDynamicCollection(new WeaviateCollectionCore<Dictionary<string, object?>>(_rest, name, model, options));
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<string> ListCollectionNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var name in await _rest.ListClassesAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return name;
        }
    }

    /// <inheritdoc/>
    public override async Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        WeaviateCollectionCore<object>.ValidateName(name);
        return await _rest.GetClassAsync(name, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default)
    {
        WeaviateCollectionCore<object>.ValidateName(name);
        return _rest.DeleteClassAsync(name, cancellationToken);
    }

    /// <summary>Reads <c>GET /v1/meta</c> (the server version): a cheap check of the endpoint and the key.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The Weaviate version.</returns>
    public async Task<string?> GetServerVersionAsync(CancellationToken cancellationToken = default) =>
        (await _rest.GetMetaAsync(cancellationToken).ConfigureAwait(false)).Version;

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
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
