// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.InMemory;

/// <summary>The embedded store with Guid keys and Euclidean distance (lower is nearer).</summary>
public sealed class InMemoryGuidEuclideanVectorStoreConformanceTests : VectorStoreConformanceTests<Guid>
{
    protected override string ProviderId => InMemoryVectorStore.SystemName;

    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.EuclideanDistance;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new InMemoryVectorStore());
}
