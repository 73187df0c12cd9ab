// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.Sqlite;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Sqlite;

/// <summary>The persistent embedded store with long keys (stored as integers), cosine distance and an explicit flat index.</summary>
public sealed class SqliteLongCosineDistanceVectorStoreConformanceTests(SqliteFileFixture file) : VectorStoreConformanceTests<long>, IClassFixture<SqliteFileFixture>
{
    protected override string ProviderId => SqliteVectorStore.SystemName;

    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.CosineDistance;

    protected override string? IndexKind => Microsoft.Extensions.VectorData.IndexKind.Flat;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new SqliteVectorStore(file.Path));
}
