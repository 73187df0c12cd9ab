// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.Sqlite;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Sqlite;

/// <summary>The persistent embedded store with string keys and the default distance function (cosine similarity), on a temporary file.</summary>
public sealed class SqliteVectorStoreConformanceTests(SqliteFileFixture file) : VectorStoreConformanceTests<string>, IClassFixture<SqliteFileFixture>
{
    protected override string ProviderId => SqliteVectorStore.SystemName;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult<VectorStore>(new SqliteVectorStore(file.Path));
}
