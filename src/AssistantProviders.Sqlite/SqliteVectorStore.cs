// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AssistantProviders.Sqlite.Internal;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Sqlite;

/// <summary>
/// A Microsoft.Extensions.VectorData <see cref="VectorStore"/> in a SQLite file: the persistent embedded store, so retrieval
/// (RAG) runs with no server and no key and its records survive restarts. It behaves like the in-memory store (the same
/// record model, mapping, LINQ filter subset and exact scoring, with <c>System.Numerics.Tensors.TensorPrimitives</c>), with
/// the records in the file: vectors as little-endian float32 BLOBs, data as a JSON object per record, WAL journal. Keys may
/// be <see cref="string"/>, <see cref="Guid"/>, <see cref="int"/> or <see cref="long"/>.
/// </summary>
/// <remarks>
/// <para>Search is exact: every record of the collection is read from the file and scored, so its cost grows with the
/// collection (see the package README for measured times). Distance functions: cosine similarity (the default), cosine
/// distance, dot product, negative dot product, Euclidean, squared Euclidean and Manhattan distance. Index kind:
/// <see cref="IndexKind.Flat"/> only. Data property types: <c>ValueConversion</c>'s list (string, bool, the numeric types,
/// Guid, DateTime, DateTimeOffset, and arrays or lists of the primitive ones).</para>
/// <para>Collection names are 1 to 128 characters: ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, starting with a
/// letter, digit or <c>_</c>; anything else is an <see cref="ArgumentException"/>. A failure of the file (locked by another
/// writer past <see cref="SqliteVectorStoreOptions.BusyTimeout"/>, corrupt, not a database, of a newer schema, not writable)
/// is a <see cref="VectorStoreException"/> naming the path and the reason; operations on a collection that does not exist
/// throw <see cref="VectorStoreException"/>; a vector of the wrong length throws <see cref="ArgumentException"/>.</para>
/// <para>Thread-safe; several store instances and processes on one host may share the file (SQLite's locks). The file is
/// opened on first use; disposing the store releases it.</para>
/// </remarks>
public sealed class SqliteVectorStore : VectorStore, IVectorCollectionHost
{
    /// <summary>The system name in <see cref="VectorStoreMetadata"/>, and the DI key of the SQLite store.</summary>
    public const string SystemName = "sqlite";

    /// <summary>The longest collection name.</summary>
    public const int MaxCollectionNameLength = 128;

    private const string DisplayName = "SQLite";

    private readonly SqliteVectorDatabase _database;
    private readonly IEmbeddingGenerator? _embeddingGenerator;
    private readonly VectorStoreMetadata _metadata = new() { VectorStoreSystemName = SystemName, VectorStoreName = SystemName };

    /// <summary>Initializes a new instance of the <see cref="SqliteVectorStore"/> class over the file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file (created with its folder on first use).</param>
    public SqliteVectorStore(string path)
        : this(new SqliteVectorStoreOptions { Path = path })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SqliteVectorStore"/> class.</summary>
    /// <param name="options">The options; <see cref="SqliteVectorStoreOptions.Path"/> is required.</param>
    public SqliteVectorStore(SqliteVectorStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("SqliteVectorStoreOptions.Path is required: the SQLite file the vector store keeps its records in.", nameof(options));
        }

        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "SqliteVectorStoreOptions.BusyTimeout must be positive.");
        }

        _database = new SqliteVectorDatabase(options.Path, options.BusyTimeout);
        _embeddingGenerator = options.EmbeddingGenerator;
    }

    /// <summary>Gets the absolute path of the database file.</summary>
    public string FullPath => _database.FullPath;

    /// <inheritdoc/>
    string IVectorCollectionHost.SystemName => SystemName;

    /// <inheritdoc/>
    string IVectorCollectionHost.DisplayName => DisplayName;

    /// <inheritdoc/>
    [RequiresDynamicCode("This overload maps POCO records with reflection and is not compatible with NativeAOT; use GetDynamicCollection for AOT.")]
    [RequiresUnreferencedCode("This overload maps POCO records with reflection and is not compatible with trimming; use GetDynamicCollection for trimmed apps.")]
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        ValidateName(name);
        return VectorCollectionFactory.Create<TKey, TRecord>(this, name, definition, _embeddingGenerator, restrictDataTypes: true);
    }

    /// <inheritdoc/>
    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition)
    {
        ValidateName(name);
        return VectorCollectionFactory.CreateDynamic(this, name, definition, _embeddingGenerator, restrictDataTypes: true);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<string> ListCollectionNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var names = _database.Run("ListCollectionNames", null, static connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM vector_collections ORDER BY name;";
            using var reader = command.ExecuteReader();
            var found = new List<string>();
            while (reader.Read())
            {
                found.Add(reader.GetString(0));
            }

            return found;
        });

        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
    }

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Find(name, "CollectionExists") is not null);
    }

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        cancellationToken.ThrowIfCancellationRequested();
        Remove(name);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    bool IVectorCollectionHost.TryGetStorage(string name, [NotNullWhen(true)] out IVectorCollectionStorage? storage)
    {
        storage = Find(name, "Get");
        return storage is not null;
    }

    /// <inheritdoc/>
    void IVectorCollectionHost.EnsureStorage(string name, CollectionModel model)
    {
        var keyType = SqliteRecordCodec.KeyTypeName(model.KeyProperty.Type);
        var vectorNames = SqliteRecordCodec.EncodeNames(model.VectorProperties.Select(v => v.StorageName).ToList());
        _database.Run("EnsureCollectionExists", name, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO vector_collections (name, key_type, vector_names, created_at) VALUES ($name, $keyType, $vectorNames, $createdAt)
                ON CONFLICT (name) DO NOTHING;
                """;
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$keyType", keyType);
            command.Parameters.AddWithValue("$vectorNames", vectorNames);
            command.Parameters.AddWithValue("$createdAt", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    void IVectorCollectionHost.RemoveStorage(string name) => Remove(name);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _database.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var valid = name.Length <= MaxCollectionNameLength && (char.IsAsciiLetterOrDigit(name[0]) || name[0] == '_');
        for (var i = 1; valid && i < name.Length; i++)
        {
            var c = name[i];
            valid = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
        }

        if (!valid)
        {
            throw new ArgumentException(
                $"The collection name '{(name.Length > 40 ? name[..40] + "..." : name)}' is not valid for the SQLite vector store: use 1 to {MaxCollectionNameLength} ASCII letters, digits, '_', '-' or '.', starting with a letter, digit or '_'.",
                nameof(name));
        }
    }

    private SqliteCollectionStorage? Find(string name, string operation) =>
        _database.Run(operation, name, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key_type, vector_names FROM vector_collections WHERE name = $name;";
            command.Parameters.AddWithValue("$name", name);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new SqliteCollectionStorage(_database, name, reader.GetString(0), SqliteRecordCodec.DecodeNames(reader.GetString(1)))
                : null;
        });

    private void Remove(string name) =>
        _database.Run("EnsureCollectionDeleted", name, connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var sql in (ReadOnlySpan<string>)[
                "DELETE FROM vector_vectors WHERE record_id IN (SELECT id FROM vector_records WHERE collection = $name);",
                "DELETE FROM vector_records WHERE collection = $name;",
                "DELETE FROM vector_collections WHERE name = $name;"])
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = transaction;
                command.Parameters.AddWithValue("$name", name);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return 0;
        });
}
