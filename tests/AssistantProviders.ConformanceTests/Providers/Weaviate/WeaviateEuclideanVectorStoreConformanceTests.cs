// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.Weaviate;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Weaviate;

/// <summary>The same suite with Weaviate's <c>l2-squared</c> metric (MEVD's squared Euclidean distance: lower is nearer).</summary>
public sealed class WeaviateEuclideanVectorStoreConformanceTests(EmulatorFixture fixture) : VectorStoreConformanceTests<Guid>, IClassFixture<EmulatorFixture>
{
    private int _names;

    protected override string ProviderId => "weaviate";

    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.EuclideanSquaredDistance;

    protected override int MaxBatchSize => 250;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<VectorStore>(new WeaviateVectorStore(new WeaviateClientOptions
        {
            ApiKey = "weaviate-conformance-key",
            Endpoint = fixture.Server.WeaviateEndpoint,
            MaxBatchSize = MaxBatchSize,
        }));

    protected override string NewCollectionName() =>
        "Euc" + Guid.NewGuid().ToString("N")[..12] + Interlocked.Increment(ref _names).ToString(CultureInfo.InvariantCulture);
}
