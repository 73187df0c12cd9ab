// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.VectorStores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Sqlite.Tests;

public sealed class SqliteVectorStoreTests
{
    private static readonly VectorStoreCollectionDefinition Definition = new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Key", typeof(string)),
            new VectorStoreDataProperty("Text", typeof(string)) { IsIndexed = true },
            new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), 3),
        ],
    };

    [Fact]
    public async Task Records_written_by_one_store_are_found_by_a_new_store_on_the_same_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("vectors.db");
        var ct = TestContext.Current.CancellationToken;
        using (var first = new SqliteVectorStore(path))
        {
            var docs = first.GetDynamicCollection("docs", Definition);
            await docs.EnsureCollectionExistsAsync(ct);
            await docs.UpsertAsync(
            [
                new Dictionary<string, object?> { ["Key"] = "rice", ["Text"] = "risotto", ["Embedding"] = new ReadOnlyMemory<float>([1, 0, 0]) },
                new Dictionary<string, object?> { ["Key"] = "pasta", ["Text"] = "carbonara", ["Embedding"] = new ReadOnlyMemory<float>([0, 1, 0]) },
            ], ct);
        }

        using var second = new SqliteVectorStore(path);
        (await second.ListCollectionNamesAsync(ct).ToListAsync(ct)).ShouldBe(["docs"]);
        var reopened = second.GetDynamicCollection("docs", Definition);
        var hit = (await reopened.SearchAsync(new ReadOnlyMemory<float>([0.9f, 0.1f, 0]), 1, cancellationToken: ct).ToListAsync(ct)).ShouldHaveSingleItem();
        hit.Record["Key"].ShouldBe("rice");
        hit.Record["Text"].ShouldBe("risotto");
        var filtered = await reopened.SearchAsync(new ReadOnlyMemory<float>([1, 0, 0]), 5, new() { Filter = r => (string)r["Text"]! == "carbonara" }, ct).ToListAsync(ct);
        filtered.ShouldHaveSingleItem().Record["Key"].ShouldBe("pasta");
    }

    [Fact]
    public void UseSqliteVectorStore_replaces_the_in_memory_default_and_keeps_it_keyed()
    {
        using var folder = new TempFolder();
        var services = new ServiceCollection();
        services.AddAssistantProviders().UseSqliteVectorStore(folder.File("vectors.db"));
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<VectorStore>().ShouldBeOfType<SqliteVectorStore>();
        provider.GetRequiredKeyedService<VectorStore>("sqlite").ShouldBeSameAs(store);
        provider.GetRequiredService<SqliteVectorStore>().ShouldBeSameAs(store);
        provider.GetRequiredKeyedService<VectorStore>("inmemory").ShouldBeOfType<InMemoryVectorStore>();
        store.FullPath.ShouldBe(folder.File("vectors.db"));
    }

    [Theory]
    [InlineData("docs; DROP TABLE vector_collections")]
    [InlineData("-leading-dash")]
    [InlineData("with space")]
    [InlineData("quote'd")]
    public void A_collection_name_outside_the_allowed_characters_is_an_ArgumentException(string name)
    {
        using var folder = new TempFolder();
        using var store = new SqliteVectorStore(folder.File("vectors.db"));

        var error = Should.Throw<ArgumentException>(() => store.GetDynamicCollection(name, Definition));
        error.Message.ShouldContain("is not valid for the SQLite vector store");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_VectorStoreException_naming_the_reason()
    {
        using var folder = new TempFolder();
        var path = folder.File("vectors.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), TestContext.Current.CancellationToken);
        using var store = new SqliteVectorStore(path);

        var error = await Should.ThrowAsync<VectorStoreException>(async () => await store.ListCollectionNamesAsync(TestContext.Current.CancellationToken).ToListAsync());
        error.Message.ShouldContain("not a SQLite database");
    }

    [Fact]
    public async Task A_vector_of_the_wrong_length_is_an_ArgumentException_naming_both_dimensions()
    {
        using var folder = new TempFolder();
        using var store = new SqliteVectorStore(folder.File("vectors.db"));
        var ct = TestContext.Current.CancellationToken;
        var docs = store.GetDynamicCollection("docs", Definition);
        await docs.EnsureCollectionExistsAsync(ct);

        var error = await Should.ThrowAsync<ArgumentException>(() => docs.UpsertAsync(
            new Dictionary<string, object?> { ["Key"] = "k", ["Text"] = "t", ["Embedding"] = new ReadOnlyMemory<float>([1, 0]) }, ct));
        error.Message.ShouldContain("3");
        error.Message.ShouldContain("2");
    }
}
