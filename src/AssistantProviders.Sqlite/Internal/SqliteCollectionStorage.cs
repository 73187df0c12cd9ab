// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.VectorStores;
using Microsoft.Data.Sqlite;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The records of one SQLite collection (rows of <c>vector_records</c> and <c>vector_vectors</c> for its name). Each call is
/// one connection: a batch upsert or delete is one <c>BEGIN IMMEDIATE</c> transaction (all or nothing), a get is one read
/// transaction, a scan is one statement (a consistent snapshot, streamed: the records are decoded as the reader asks for them,
/// so a search holds only its best hits). A write to a collection deleted meanwhile fails on the foreign key.
/// </summary>
/// <param name="database">The file.</param>
/// <param name="name">The collection name.</param>
/// <param name="keyType">The stored key type name (<see cref="SqliteRecordCodec.KeyTypeName"/>).</param>
/// <param name="vectorNames">The storage names of the vector properties, in ordinal order.</param>
internal sealed class SqliteCollectionStorage(SqliteVectorDatabase database, string name, string keyType, IReadOnlyList<string> vectorNames)
    : IVectorCollectionStorage
{
    private const string ScanWithVectors = """
        SELECT r.id, r.key, r.data, v.ordinal, v.vector
        FROM vector_records r LEFT JOIN vector_vectors v ON v.record_id = r.id
        WHERE r.collection = $collection
        ORDER BY r.id, v.ordinal;
        """;

    private const string ScanWithoutVectors = "SELECT id, key, data FROM vector_records WHERE collection = $collection ORDER BY id;";

    /// <inheritdoc/>
    public IReadOnlyList<string> VectorNames { get; } = vectorNames;

    /// <inheritdoc/>
    public void Upsert(IReadOnlyList<StoredRecord> records)
    {
        // Everything is encoded before the transaction starts: a record that cannot be stored writes nothing.
        var rows = records.Select(r => (Key: SqliteRecordCodec.EncodeKey(r.Key), Data: SqliteRecordCodec.EncodeData(r.Data), Vectors: r.Vectors.Select(v => v is null ? null : SqliteRecordCodec.EncodeVector(v)).ToArray())).ToList();
        database.Run("Upsert", name, connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var upsert = Command(connection, transaction, """
                INSERT INTO vector_records (collection, key, data) VALUES ($collection, $key, $data)
                ON CONFLICT (collection, key) DO UPDATE SET data = excluded.data
                RETURNING id;
                """);
            var key = upsert.Parameters.Add("$key", SqliteType.Text);
            var data = upsert.Parameters.Add("$data", SqliteType.Text);
            using var clear = Command(connection, transaction, "DELETE FROM vector_vectors WHERE record_id = $id;", withCollection: false);
            var clearId = clear.Parameters.Add("$id", SqliteType.Integer);
            using var insert = Command(connection, transaction, "INSERT INTO vector_vectors (record_id, ordinal, vector) VALUES ($id, $ordinal, $vector);", withCollection: false);
            var insertId = insert.Parameters.Add("$id", SqliteType.Integer);
            var ordinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
            var vector = insert.Parameters.Add("$vector", SqliteType.Blob);
            foreach (var row in rows)
            {
                Bind(key, row.Key);
                data.Value = row.Data;
                var id = (long)upsert.ExecuteScalar()!;
                clearId.Value = id;
                clear.ExecuteNonQuery();
                for (var i = 0; i < row.Vectors.Length; i++)
                {
                    if (row.Vectors[i] is { } bytes)
                    {
                        insertId.Value = id;
                        ordinal.Value = i;
                        vector.Value = bytes;
                        insert.ExecuteNonQuery();
                    }
                }
            }

            transaction.Commit();
            return rows.Count;
        });
    }

    /// <inheritdoc/>
    public void Delete(IReadOnlyList<object> keys)
    {
        var encoded = keys.Select(SqliteRecordCodec.EncodeKey).ToList();
        database.Run("Delete", name, connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var clear = Command(connection, transaction, "DELETE FROM vector_vectors WHERE record_id = (SELECT id FROM vector_records WHERE collection = $collection AND key = $key);");
            var clearKey = clear.Parameters.Add("$key", SqliteType.Text);
            using var delete = Command(connection, transaction, "DELETE FROM vector_records WHERE collection = $collection AND key = $key;");
            var key = delete.Parameters.Add("$key", SqliteType.Text);
            foreach (var value in encoded)
            {
                Bind(clearKey, value);
                clear.ExecuteNonQuery();
                Bind(key, value);
                delete.ExecuteNonQuery();
            }

            transaction.Commit();
            return encoded.Count;
        });
    }

    /// <inheritdoc/>
    public List<StoredRecord> Get(IReadOnlyList<object> keys, bool includeVectors)
    {
        var encoded = keys.Select(SqliteRecordCodec.EncodeKey).ToList();
        return database.Run("Get", name, connection =>
        {
            var found = new List<StoredRecord>(encoded.Count);
            using var transaction = connection.BeginTransaction(deferred: true);
            using var get = Command(connection, transaction, "SELECT id, key, data FROM vector_records WHERE collection = $collection AND key = $key;");
            var key = get.Parameters.Add("$key", SqliteType.Text);
            using var vectors = Command(connection, transaction, "SELECT ordinal, vector FROM vector_vectors WHERE record_id = $id ORDER BY ordinal;", withCollection: false);
            var id = vectors.Parameters.Add("$id", SqliteType.Integer);
            foreach (var value in encoded)
            {
                Bind(key, value);
                StoredRecord record;
                using (var reader = get.ExecuteReader())
                {
                    if (!reader.Read())
                    {
                        continue;
                    }

                    id.Value = reader.GetInt64(0);
                    record = new StoredRecord(SqliteRecordCodec.DecodeKey(reader, 1, keyType), SqliteRecordCodec.DecodeData(reader, 2), new float[]?[VectorNames.Count]);
                }

                if (includeVectors)
                {
                    using var reader = vectors.ExecuteReader();
                    while (reader.Read())
                    {
                        SetVector(record, reader.GetInt32(0), reader, 1);
                    }
                }

                found.Add(record);
            }

            transaction.Commit();
            return found;
        });
    }

    /// <inheritdoc/>
    public void Scan<TState>(TState state, bool includeVectors, Action<TState, IEnumerable<StoredRecord>> read) =>
        database.Run("Scan", name, connection =>
        {
            using var scan = Command(connection, null, includeVectors ? ScanWithVectors : ScanWithoutVectors);
            using var reader = scan.ExecuteReader();
            read(state, Rows(reader, includeVectors));
            return 0;
        });

    private static void Bind(SqliteParameter parameter, object value)
    {
        parameter.Value = value;
        parameter.SqliteType = value is long ? SqliteType.Integer : SqliteType.Text;
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, bool withCollection = true)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        if (withCollection)
        {
            command.Parameters.AddWithValue("$collection", name);
        }

        return command;
    }

    private IEnumerable<StoredRecord> Rows(SqliteDataReader reader, bool includeVectors)
    {
        StoredRecord? current = null;
        var currentId = 0L;
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (current is null || id != currentId)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = new StoredRecord(SqliteRecordCodec.DecodeKey(reader, 1, keyType), SqliteRecordCodec.DecodeData(reader, 2), new float[]?[VectorNames.Count]);
                currentId = id;
            }

            if (includeVectors && !reader.IsDBNull(3))
            {
                SetVector(current, reader.GetInt32(3), reader, 4);
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private void SetVector(StoredRecord record, int ordinal, SqliteDataReader reader, int column)
    {
        if (ordinal >= 0 && ordinal < VectorNames.Count)
        {
            record.Vectors[ordinal] = SqliteRecordCodec.DecodeVector(reader, column);
        }
    }
}
