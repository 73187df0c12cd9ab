// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace AgentSample;

/// <summary>
/// A vector store whose collections embed text with the routed embedding generator when their definition names none. The
/// Agent Framework's <c>ChatHistoryMemoryProvider</c> declares its vector as text and relies on the store's generator; the
/// embedded store is registered with the routed one, a remote store (Weaviate) is given it through this wrapper.
/// </summary>
internal sealed class RoutedEmbeddingVectorStore(VectorStore inner, IEmbeddingGenerator<string, Embedding<float>> generator) : VectorStore
{
    [RequiresDynamicCode("POCO records are mapped with reflection.")]
    [RequiresUnreferencedCode("POCO records are mapped with reflection.")]
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null) =>
        inner.GetCollection<TKey, TRecord>(name, definition is null ? null : WithGenerator(definition));

    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition) =>
        inner.GetDynamicCollection(name, WithGenerator(definition));

    public override IAsyncEnumerable<string> ListCollectionNamesAsync(CancellationToken cancellationToken = default) =>
        inner.ListCollectionNamesAsync(cancellationToken);

    public override Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default) =>
        inner.CollectionExistsAsync(name, cancellationToken);

    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default) =>
        inner.EnsureCollectionDeletedAsync(name, cancellationToken);

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        inner.GetService(serviceType, serviceKey);

    // MEVD's dynamic model builder reads the generator of each vector property (or the store's default), not the definition's:
    // give every vector property that has none the routed generator.
    private VectorStoreCollectionDefinition WithGenerator(VectorStoreCollectionDefinition definition) => new()
    {
        EmbeddingGenerator = definition.EmbeddingGenerator ?? generator,
        Properties = [.. definition.Properties.Select(p => p is VectorStoreVectorProperty { EmbeddingGenerator: null } vector
            ? new VectorStoreVectorProperty(vector.Name, vector.Type!, vector.Dimensions)
            {
                StorageName = vector.StorageName,
                DistanceFunction = vector.DistanceFunction,
                IndexKind = vector.IndexKind,
                EmbeddingGenerator = generator,
            }
            : p)],
    };
}
