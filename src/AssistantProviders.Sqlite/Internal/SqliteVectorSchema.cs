// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The vector store's tables: one row per collection, one row per record (its key and its data as a JSON object), one row per
/// vector (little-endian float32, 4 bytes per dimension). They live beside the budget and ledger tables if the file is shared,
/// so the version is kept in <c>vector_store_info</c>, not in <c>PRAGMA user_version</c> (which belongs to <see cref="SqliteSchema"/>).
/// Collection names and keys are values (parameters), never identifiers.
/// </summary>
internal static class SqliteVectorSchema
{
    /// <summary>The schema version kept in <c>vector_store_info</c>; a file with a newer version is refused (never modified).</summary>
    public const int Version = 1;

    /// <summary>The <c>vector_store_info</c> row that holds <see cref="Version"/>.</summary>
    public const string VersionKey = "schema_version";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS vector_store_info (
          name TEXT NOT NULL PRIMARY KEY,
          value INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS vector_collections (
          name TEXT NOT NULL PRIMARY KEY,
          key_type TEXT NOT NULL,
          vector_names TEXT NOT NULL,
          created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS vector_records (
          id INTEGER PRIMARY KEY,
          collection TEXT NOT NULL REFERENCES vector_collections (name) ON DELETE CASCADE,
          key NOT NULL,
          data TEXT NOT NULL,
          UNIQUE (collection, key)
        );
        CREATE INDEX IF NOT EXISTS ix_vector_records_collection ON vector_records (collection);
        CREATE TABLE IF NOT EXISTS vector_vectors (
          record_id INTEGER NOT NULL REFERENCES vector_records (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          vector BLOB NOT NULL,
          PRIMARY KEY (record_id, ordinal)
        );
        """;
}
