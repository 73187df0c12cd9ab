// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.InMemory;

/// <summary>The embedded store with dot-product similarity and an explicit flat index.</summary>
public sealed class InMemoryDotProductVectorStoreConformanceTests : VectorStoreConformanceTests<string>
{
    protected override string ProviderId => InMemoryVectorStore.SystemName;

    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.DotProductSimilarity;

    protected override string? IndexKind => Microsoft.Extensions.VectorData.IndexKind.Flat;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new InMemoryVectorStore());
}
