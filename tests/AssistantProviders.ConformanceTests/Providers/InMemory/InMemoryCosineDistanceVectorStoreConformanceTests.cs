// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.InMemory;

/// <summary>The embedded store with long keys and cosine distance (lower is nearer); a smaller vendor limit exercised.</summary>
public sealed class InMemoryCosineDistanceVectorStoreConformanceTests : VectorStoreConformanceTests<long>
{
    protected override string ProviderId => InMemoryVectorStore.SystemName;

    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.CosineDistance;

    protected override int MaxBatchSize => 100;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new InMemoryVectorStore());
}
