// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Pinecone;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

/// <summary>What the suite does not cover, against the emulator's Pinecone wire: namespaces, the emulator's own limits and schema checks.</summary>
public sealed class PineconeEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Namespaces_isolate_records_in_one_index()
    {
        using var store = Store();
        var name = "ns" + Guid.NewGuid().ToString("N")[..12];
        using var docs = store.GetDynamicCollection(name, new PineconeCollectionOptions { Namespace = "docs", Definition = Definition() });
        var archive = docs.WithNamespace("archive");
        try
        {
            await docs.EnsureCollectionExistsAsync(Ct);
            await docs.UpsertAsync(Record("a", 1, 0, 0), Ct);
            await archive.UpsertAsync(Record("b", 0, 1, 0), Ct);

            (await docs.GetAsync("a", cancellationToken: Ct)).ShouldNotBeNull();
            (await docs.GetAsync("b", cancellationToken: Ct)).ShouldBeNull();
            (await archive.GetAsync("b", cancellationToken: Ct)).ShouldNotBeNull();
            (await archive.SearchAsync(new ReadOnlyMemory<float>([1f, 0f, 0f]), 5, cancellationToken: Ct).Select(r => r.Record["Id"]).ToListAsync(Ct)).ShouldBe(["b"]);
        }
        finally
        {
            await store.EnsureCollectionDeletedAsync(name, CancellationToken.None);
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task A_batch_limit_below_the_emulators_is_honoured_and_the_requests_counted()
    {
        using var store = Store(o => o.MaxUpsertBatchSize = 100);
        var name = "batch" + Guid.NewGuid().ToString("N")[..12];
        using var collection = store.GetDynamicCollection(name, Definition());
        try
        {
            await collection.EnsureCollectionExistsAsync(Ct);

            await collection.UpsertAsync(Enumerable.Range(0, 250).Select(i => Record("r" + i, 1, i, 0)), Ct);

            fixture.Server.Requests.Count(r => r.Path.EndsWith("/vectors/upsert", StringComparison.Ordinal) && r.Path.Contains(name, StringComparison.Ordinal)).ShouldBe(3);
            (await collection.GetAsync(Enumerable.Range(0, 250).Select(i => (object)("r" + i)), cancellationToken: Ct).CountAsync(Ct)).ShouldBe(250);
        }
        finally
        {
            await store.EnsureCollectionDeletedAsync(name, CancellationToken.None);
        }
    }

    private PineconeVectorStore Store(Action<PineconeClientOptions>? configure = null)
    {
        var options = new PineconeClientOptions { ApiKey = ConformanceConstants.ApiKey, Endpoint = fixture.Server.PineconeEndpoint };
        configure?.Invoke(options);
        return new PineconeVectorStore(options);
    }

    private static Dictionary<string, object?> Record(string id, float x, float y, float z) => new()
    {
        ["Id"] = id,
        ["Title"] = "t " + id,
        ["Vector"] = new ReadOnlyMemory<float>([x, y, z]),
    };

    private static VectorStoreCollectionDefinition Definition() => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Id", typeof(string)),
            new VectorStoreDataProperty("Title", typeof(string)),
            new VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 3),
        ],
    };
}
