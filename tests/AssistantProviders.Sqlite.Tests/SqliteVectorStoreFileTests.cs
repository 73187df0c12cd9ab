// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using AssistantProviders.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Sqlite.Tests;

/// <summary>The SQLite vector store's file: every value kind across a reopen, the on-disk format, locks, schema versions, and options (beside SqliteVectorStoreTests).</summary>
public sealed class SqliteVectorStoreFileTests : IDisposable
{
    private static readonly Guid Owner = new("5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4");
    private static readonly DateTimeOffset Published = new(2026, 11, 25, 10, 30, 15, 123, TimeSpan.FromHours(2));
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_value_kind_round_trips_through_the_file_and_filters_after_a_reopen()
    {
        var path = _folder.File("persist.db");
        using (var writer = new SqliteVectorStore(path))
        {
            using var collection = writer.GetCollection<string, VectorDocument>("docs");
            await collection.EnsureCollectionExistsAsync(Ct);
            await collection.UpsertAsync([Doc("a", 1, [1, 0, 0, 0]), Doc("b", 2, [0, 1, 0, 0]), Doc("c", 3, [0.9f, 0.1f, 0, 0])], Ct);
            await collection.DeleteAsync("b", Ct);
        }

        using var reader = new SqliteVectorStore(path);
        (await reader.ListCollectionNamesAsync(Ct).ToListAsync(Ct)).ShouldBe(["docs"]);
        using var reopened = reader.GetCollection<string, VectorDocument>("docs");
        var a = (await reopened.GetAsync("a", new RecordRetrievalOptions { IncludeVectors = true }, Ct)).ShouldNotBeNull();
        a.Title.ShouldBe("title a");
        a.Rating.ShouldBe(1);
        a.Price.ShouldBe(0.1 + 0.2); // 0.30000000000000004: a double round-trips exactly.
        a.Weight.ShouldBe(0.1f);
        a.Amount.ShouldBe(12.345m);
        a.Owner.ShouldBe(Owner);
        a.Published.ShouldBe(Published);
        a.Published.Offset.ShouldBe(TimeSpan.FromHours(2));
        a.Tags.ShouldBe(["x", "y"]);
        a.Counts.ShouldBe([1, 2, 3]);
        a.Notes.ShouldBeNull();
        a.Embedding.ToArray().ShouldBe([1f, 0, 0, 0]);
        (await reopened.GetAsync("b", cancellationToken: Ct)).ShouldBeNull("the delete was persisted");

        var hits = await reopened.SearchAsync(new ReadOnlyMemory<float>([1, 0, 0, 0]), 5, cancellationToken: Ct).ToListAsync(Ct);
        hits.Select(h => h.Record.Id).ShouldBe(["a", "c"]);
        hits[0].Score!.Value.ShouldBe(1, 1e-6);

        var filtered = await reopened.SearchAsync(
            new ReadOnlyMemory<float>([1, 0, 0, 0]), 5,
            new VectorSearchOptions<VectorDocument> { Filter = d => d.Weight == 0.1f && d.Owner == Owner && d.Published == Published && d.Tags.Contains("y") && d.Rating > 2 },
            Ct).ToListAsync(Ct);
        filtered.ShouldHaveSingleItem().Record.Id.ShouldBe("c");
    }

    [Fact]
    public async Task Vectors_are_little_endian_float32_blobs_and_data_is_json_readable_in_sql()
    {
        var path = _folder.File("format.db");
        using (var store = new SqliteVectorStore(path))
        {
            using var collection = store.GetCollection<string, VectorDocument>("docs");
            await collection.EnsureCollectionExistsAsync(Ct);
            await collection.UpsertAsync(Doc("a", 7, [0.5f, -1.25f, 3, 1e-3f]), Ct);
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.vector, json_extract(r.data, '$.Rating'), json_extract(r.data, '$.Title')
            FROM vector_records r JOIN vector_vectors v ON v.record_id = r.id WHERE r.collection = 'docs' AND r.key = 'a';
            """;
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        var blob = (byte[])reader.GetValue(0);
        blob.Length.ShouldBe(16);
        Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(blob.AsSpan(i * 4))).ShouldBe([0.5f, -1.25f, 3, 1e-3f]);
        reader.GetInt64(1).ShouldBe(7);
        reader.GetString(2).ShouldBe("title a");
    }

    [Fact]
    public void UseSqliteVectorStore_called_twice_keeps_the_last_path()
    {
        var services = new ServiceCollection();
        services.AddAssistantProviders().UseSqliteVectorStore(_folder.File("first.db")).UseSqliteVectorStore(o =>
        {
            o.Path = _folder.File("second.db");
            o.BusyTimeout = TimeSpan.FromSeconds(2);
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<VectorStore>().ShouldBeOfType<SqliteVectorStore>().FullPath.ShouldEndWith("second.db");
        provider.GetServices<VectorStore>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_name_of_129_characters_is_rejected_and_one_of_128_with_dots_dashes_and_underscores_works()
    {
        using var store = new SqliteVectorStore(_folder.File("long.db"));
        Should.Throw<ArgumentException>(() => store.GetCollection<string, VectorDocument>(new string('a', 129))).Message.ShouldContain("128");
        var name = "_a.b-c" + new string('z', 122);
        using var collection = store.GetCollection<string, VectorDocument>(name);
        await collection.EnsureCollectionExistsAsync(Ct);
        (await store.CollectionExistsAsync(name, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_locked_by_another_writer_fails_writes_with_a_VectorStoreException_while_reads_continue()
    {
        var path = _folder.File("locked.db");
        using var store = new SqliteVectorStore(new SqliteVectorStoreOptions { Path = path, BusyTimeout = TimeSpan.FromMilliseconds(50) });
        using var collection = store.GetCollection<string, VectorDocument>("docs");
        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.UpsertAsync(Doc("a", 1, [1, 0, 0, 0]), Ct);

        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        other.Open();
        using (var hold = other.BeginTransaction(deferred: false))
        {
            var error = await Should.ThrowAsync<VectorStoreException>(() => collection.UpsertAsync(Doc("b", 2, [0, 1, 0, 0]), Ct));
            error.Message.ShouldContain("locked");
            error.CollectionName.ShouldBe("docs");
            error.OperationName.ShouldBe("Upsert");
            (await collection.GetAsync("a", cancellationToken: Ct)).ShouldNotBeNull("WAL readers are not blocked by a writer");
        }

        await collection.UpsertAsync(Doc("b", 2, [0, 1, 0, 0]), Ct);
        (await collection.GetAsync("b", cancellationToken: Ct)).ShouldNotBeNull("the store works again once the lock is released");
    }

    [Fact]
    public async Task A_file_of_a_newer_vector_schema_is_refused_naming_both_versions()
    {
        var path = _folder.File("newer.db");
        using (var store = new SqliteVectorStore(path))
        {
            (await store.CollectionExistsAsync("docs", Ct)).ShouldBeFalse();
        }

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE vector_store_info SET value = 99 WHERE name = 'schema_version';";
            command.ExecuteNonQuery().ShouldBe(1);
        }

        using var newer = new SqliteVectorStore(path);
        var error = await Should.ThrowAsync<VectorStoreException>(() => newer.ListCollectionNamesAsync(Ct).ToListAsync(Ct).AsTask());
        error.Message.ShouldContain("newer version");
        error.Message.ShouldContain("99");
    }

    [Fact]
    public async Task An_upsert_into_a_collection_another_store_deleted_is_a_VectorStoreException()
    {
        var path = _folder.File("deleted.db");
        using var first = new SqliteVectorStore(path);
        using var second = new SqliteVectorStore(path);
        using var collection = first.GetCollection<string, VectorDocument>("docs");
        await collection.EnsureCollectionExistsAsync(Ct);
        await second.EnsureCollectionDeletedAsync("docs", Ct);

        await Should.ThrowAsync<VectorStoreException>(() => collection.UpsertAsync(Doc("a", 1, [1, 0, 0, 0]), Ct));
    }

    [Fact]
    public void Options_without_a_path_or_with_a_non_positive_busy_timeout_are_rejected()
    {
        Should.Throw<ArgumentException>(() => new SqliteVectorStore(new SqliteVectorStoreOptions())).Message.ShouldContain("Path");
        Should.Throw<ArgumentOutOfRangeException>(() => new SqliteVectorStore(new SqliteVectorStoreOptions { Path = _folder.File("x.db"), BusyTimeout = TimeSpan.Zero }));
    }

    private static VectorDocument Doc(string id, int rating, float[] vector) => new()
    {
        Id = id,
        Title = "title " + id,
        Rating = rating,
        Price = 0.1 + 0.2,
        Weight = 0.1f,
        Amount = 12.345m,
        Owner = Owner,
        Published = Published,
        Tags = ["x", "y"],
        Counts = [1, 2, 3],
        Embedding = vector,
    };
}
