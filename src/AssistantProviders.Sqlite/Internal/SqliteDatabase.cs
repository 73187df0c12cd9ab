// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The one connection of this process to the SQLite file (WAL mode), used by one operation at a time. Other processes on the
/// same file are kept in step by SQLite's own locks (<c>BEGIN IMMEDIATE</c> plus a busy timeout). The first failure (path not
/// writable, file locked past the busy timeout, not a database, newer schema, I/O error) closes the connection, logs one
/// error, counts the metric once, and every later operation reports "unavailable" so its caller continues in memory.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly SqliteMetrics _metrics;
    private SqliteConnection? _connection;
    private volatile bool _unavailable;
    private bool _disposed;

    public SqliteDatabase(SqliteStoreOptions options, ILogger logger, SqliteMetrics metrics)
    {
        _options = options;
        _logger = logger;
        _metrics = metrics;
        FullPath = System.IO.Path.GetFullPath(options.Path!);
    }

    /// <summary>Gets the absolute path of the file.</summary>
    public string FullPath { get; }

    /// <summary>Gets a value indicating whether the store has failed (this process continues in memory).</summary>
    public bool IsUnavailable => _unavailable;

    /// <summary>Opens the file and creates the schema now; on failure the store is unavailable (logged once).</summary>
    /// <returns><see langword="true"/> when the file is usable.</returns>
    public bool Open() => TryRun(static _ => true, out _);

    /// <summary>Runs <paramref name="work"/> on the connection, alone. Any failure makes the store unavailable.</summary>
    /// <returns><see langword="false"/> when the store is (or just became) unavailable.</returns>
    public bool TryRun<T>(Func<SqliteConnection, T> work, out T result)
    {
        result = default!;
        if (_unavailable)
        {
            return false;
        }

        _gate.Wait();
        try
        {
            return Execute(work, out result);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The asynchronous twin of <see cref="TryRun{T}"/>: waits for the in-process turn without blocking a thread.</summary>
    /// <returns>Whether the store ran the work, and its result.</returns>
    public async ValueTask<(bool Ok, T Result)> TryRunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        if (_unavailable)
        {
            return (false, default!);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ok = Execute(work, out var result);
            return (ok, result);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private bool Execute<T>(Func<SqliteConnection, T> work, out T result)
    {
        result = default!;
        if (_unavailable)
        {
            return false;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _connection ??= Connect();
            result = work(_connection);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
        {
            Fail(ex);
            return false;
        }
    }

    private SqliteConnection Connect()
    {
        var folder = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Microsoft.Data.Sqlite retries a busy file for DefaultTimeout seconds, where 0 would mean "forever": at least 1.
        var busySeconds = Math.Max(1, (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // The connection lives as long as the process; disposing it must release the file.
            DefaultTimeout = busySeconds,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = " + ((long)_options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + ";");
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("The file does not accept the WAL journal mode (journal mode '" + mode + "').");
            }

            Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;");
            var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version > SqliteSchema.Version)
            {
                throw new InvalidOperationException("The file was written by a newer version of AssistantProviders.Sqlite (schema " + version + ", this version knows " + SqliteSchema.Version + ").");
            }

            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                Execute(connection, SqliteSchema.Create, transaction);
                Execute(connection, "PRAGMA user_version = " + SqliteSchema.Version.ToString(CultureInfo.InvariantCulture) + ";", transaction);
                transaction.Commit();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Fail(Exception exception)
    {
        if (_unavailable)
        {
            return;
        }

        _unavailable = true;
        try
        {
            _connection?.Dispose();
        }
        catch (SqliteException)
        {
            // The connection is being dropped because it failed; a failure to close it changes nothing.
        }

        _connection = null;
        _metrics.Unavailable.Add(1);
        Log.Unavailable(_logger, exception, FullPath, SqliteFailure.Reason(exception));
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
