// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.Sqlite;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Sqlite;

/// <summary>The persistent embedded store with Guid keys (stored as text) and Euclidean distance (lower is nearer).</summary>
public sealed class SqliteGuidEuclideanVectorStoreConformanceTests(SqliteFileFixture file) : VectorStoreConformanceTests<Guid>, IClassFixture<SqliteFileFixture>
{
    protected override string ProviderId => SqliteVectorStore.SystemName;

    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.EuclideanDistance;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new SqliteVectorStore(file.Path));
}
