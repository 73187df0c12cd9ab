// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AssistantProviders.Pinecone.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Pinecone;

/// <summary>
/// Pinecone as a Microsoft.Extensions.VectorData <see cref="VectorStore"/>: a collection is a serverless index (created with the
/// vector property's dimension and the metric of its distance function, in <see cref="PineconeClientOptions.Cloud"/>/<see cref="PineconeClientOptions.Region"/>),
/// reached on its own data-plane host. Keys are strings. Errors are the AssistantProviderException family.
/// </summary>
public sealed partial class PineconeVectorStore : VectorStore
{
    private const string DynamicCodeMessage = "The POCO record model uses reflection; use GetDynamicCollection for native AOT.";
    private readonly PineconeClientOptions _options;
    private readonly PineconeControlPlane _control;

    /// <summary>Initializes a new instance of the <see cref="PineconeVectorStore"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, control-plane endpoint, cloud and region of new indexes, namespace, limits).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted. It must not follow redirects.</param>
    public PineconeVectorStore(PineconeClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal PineconeVectorStore(PineconeClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _control = new PineconeControlPlane(PineconeProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider), options);
    }

    /// <summary>Gets a typed collection (the index <paramref name="name"/>); <typeparamref name="TKey"/> must be <see cref="string"/>.</summary>
    /// <typeparam name="TKey">The key type (<see cref="string"/>).</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="name">The index name (1-45 lower-case letters, digits or '-').</param>
    /// <param name="definition">An optional definition instead of the record type's attributes.</param>
    /// <returns>The collection.</returns>
    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(DynamicCodeMessage)]
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        if (typeof(TKey) != typeof(string))
        {
            throw new NotSupportedException($"Pinecone record ids are strings; {typeof(TKey).Name} keys are not supported.");
        }

        return (VectorStoreCollection<TKey, TRecord>)(object)GetCollection<TRecord>(name, new PineconeCollectionOptions { Definition = definition });
    }

    /// <summary>Gets a typed collection with Pinecone options (namespace, cloud and region of a new index).</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="name">The index name (1-45 lower-case letters, digits or '-').</param>
    /// <param name="options">The collection options.</param>
    /// <returns>The collection.</returns>
    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(DynamicCodeMessage)]
    public PineconeCollection<TRecord> GetCollection<TRecord>(string name, PineconeCollectionOptions? options)
        where TRecord : class
    {
        ValidateName(name);
        if (typeof(TRecord) == typeof(Dictionary<string, object?>))
        {
            throw new NotSupportedException(VectorDataStrings.NonDynamicCollectionWithDictionaryNotSupported(typeof(PineconeDynamicCollection)));
        }

        var model = new PineconeModelBuilder().Build(typeof(TRecord), typeof(string), options?.Definition, options?.EmbeddingGenerator);
        return new PineconeCollection<TRecord>(new PineconeCollectionCore<TRecord>(_control, _options, name, model, options));
    }

    /// <summary>Gets a collection of <c>Dictionary&lt;string, object?&gt;</c> records described by <paramref name="definition"/> (AOT-safe).</summary>
    /// <param name="name">The index name.</param>
    /// <param name="definition">The record definition (string key, one vector, data properties).</param>
    /// <returns>The collection.</returns>
    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition) =>
        GetDynamicCollection(name, new PineconeCollectionOptions { Definition = definition ?? throw new ArgumentNullException(nameof(definition)) });

    /// <summary>Gets a dynamic collection with Pinecone options; <see cref="VectorStoreCollectionOptions.Definition"/> is required.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="options">The collection options, with the record definition.</param>
    /// <returns>The collection.</returns>
    public PineconeDynamicCollection GetDynamicCollection(string name, PineconeCollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateName(name);
        var definition = options.Definition ?? throw new ArgumentException("A dynamic collection needs a VectorStoreCollectionDefinition (options.Definition).", nameof(options));
        var model = new PineconeModelBuilder().BuildDynamic(definition, options.EmbeddingGenerator);
        return new PineconeDynamicCollection(new PineconeCollectionCore<Dictionary<string, object?>>(_control, _options, name, model, options));
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<string> ListCollectionNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in _control.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return name;
        }
    }

    /// <inheritdoc/>
    public override async Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        return await _control.DescribeAsync(name, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        return _control.DeleteAsync(name, cancellationToken);
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreMetadata) ? new VectorStoreMetadata { VectorStoreSystemName = PineconeProvider.Id, VectorStoreName = _control.Transport.Endpoint.Host }
            : serviceType == typeof(ProviderDescriptor) ? _control.Transport.Descriptor
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _control.Transport.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IndexName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a Pinecone index name: 1-45 lower-case letters, digits or '-', starting and ending with a letter or digit.", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,43}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexName();
}
