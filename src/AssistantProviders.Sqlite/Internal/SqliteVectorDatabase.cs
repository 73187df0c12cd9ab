// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The vector store's file: a pooled connection per operation (WAL, so searches run side by side and with one writer), the
/// schema created on first use, and every failure of the file (locked past the busy timeout, corrupt or not a database, newer
/// schema, not writable, a stored value that cannot be read) turned into a <see cref="VectorStoreException"/> naming the path,
/// the reason, the collection and the operation. Unlike the budget store it never falls back to memory: records that are not
/// written must fail loudly.
/// </summary>
internal sealed class SqliteVectorDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly Lock _initialization = new();
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="SqliteVectorDatabase"/> class.</summary>
    /// <param name="path">The file.</param>
    /// <param name="busyTimeout">How long to wait for another writer.</param>
    public SqliteVectorDatabase(string path, TimeSpan busyTimeout)
    {
        FullPath = System.IO.Path.GetFullPath(path);

        // Microsoft.Data.Sqlite retries a busy file for DefaultTimeout seconds, where 0 would mean "forever": at least 1.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        _pragmas = "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)
            + "; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
    }

    /// <summary>Gets the absolute path of the file.</summary>
    public string FullPath { get; }

    /// <summary>Runs <paramref name="work"/> on a connection of its own; a failure of the file is a <see cref="VectorStoreException"/>.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="operation">The operation, for the error (<c>Upsert</c>, <c>Get</c>, ...).</param>
    /// <param name="collection">The collection, for the error, or <see langword="null"/>.</param>
    /// <param name="work">The work.</param>
    /// <returns>The result of <paramref name="work"/>.</returns>
    public T Run<T>(string operation, string? collection, Func<SqliteConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = Open();
            return work(connection);
        }
        catch (Exception ex) when (ex is SqliteException or JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new VectorStoreException($"The SQLite vector store '{FullPath}' failed ({SqliteFailure.Reason(ex)}).", ex)
            {
                VectorStoreSystemName = SqliteVectorStore.SystemName,
                VectorStoreName = SqliteVectorStore.SystemName,
                CollectionName = collection,
                OperationName = operation,
            };
        }
    }

    /// <summary>Runs a statement without results.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sql">The SQL.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/>.</param>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>Releases the pooled connections to the file (the file is no longer held open once operations in flight end).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private SqliteConnection Open()
    {
        if (!_initialized)
        {
            var folder = System.IO.Path.GetDirectoryName(FullPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, _pragmas);
            if (!_initialized)
            {
                lock (_initialization)
                {
                    if (!_initialized)
                    {
                        Initialize(connection);
                        _initialized = true;
                    }
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Initialize(SqliteConnection connection)
    {
        var mode = Scalar(connection, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("the file does not accept the WAL journal mode (journal mode '" + mode + "').");
        }

        // The version is read before anything is created: a file of a newer schema is never modified.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = StoredVersion(connection, transaction);
        if (version > SqliteVectorSchema.Version)
        {
            throw new InvalidDataException(
                "the file was written by a newer version of AssistantProviders.Sqlite (vector schema " + version + ", this version knows " + SqliteVectorSchema.Version + ")");
        }

        Execute(connection, SqliteVectorSchema.Create, transaction);
        if (version is null)
        {
            using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO vector_store_info (name, value) VALUES ($name, $value);";
            write.Parameters.AddWithValue("$name", SqliteVectorSchema.VersionKey);
            write.Parameters.AddWithValue("$value", SqliteVectorSchema.Version);
            write.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long? StoredVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vector_store_info';", transaction) is null)
        {
            return null;
        }

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM vector_store_info WHERE name = $name;";
        read.Parameters.AddWithValue("$name", SqliteVectorSchema.VersionKey);
        return read.ExecuteScalar() is { } stored ? Convert.ToInt64(stored, CultureInfo.InvariantCulture) : null;
    }
}
