// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.InMemory;

/// <summary>The embedded store with string keys and the default distance function (cosine similarity).</summary>
public sealed class InMemoryVectorStoreConformanceTests : VectorStoreConformanceTests<string>
{
    protected override string ProviderId => InMemoryVectorStore.SystemName;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new InMemoryVectorStore());
}
