// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Sqlite;

/// <summary>Options for <see cref="SqliteVectorStore"/>.</summary>
public sealed class SqliteVectorStoreOptions
{
    /// <summary>
    /// Gets or sets the path of the database file (created with its folder on first use). A relative path is resolved against
    /// the current directory. The file may be the one <c>UseSqlite</c> keeps budgets and the usage ledger in: the tables do not
    /// overlap. Required.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets how long an operation waits for another connection's write lock on the file (another store instance or
    /// process writing) before it fails with a <see cref="Microsoft.Extensions.VectorData.VectorStoreException"/>. Default 5
    /// seconds; waits under a second are rounded up to one second by Microsoft.Data.Sqlite's retry loop.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the default embedding generator of every collection (a collection definition or vector property may set its
    /// own). It is used for vector properties that are not vectors themselves (e.g. a <see cref="string"/> embedded on upsert)
    /// and for searches whose input is not a vector (e.g. a query text). <see langword="null"/>: vectors only.
    /// </summary>
    public IEmbeddingGenerator? EmbeddingGenerator { get; set; }
}
