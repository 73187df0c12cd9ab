// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.Pinecone;
using AssistantProviders.VectorStores;
using AssistantProviders.Weaviate;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// (w) The vector-store wires with the options users get by default, against the loopback emulator:
/// upserting 1,000 records of 384 dimensions (Pinecone splits them within its 1,000-vector and 2 MiB request limits; Weaviate
/// sends batches of its default 100), and what a metadata filter costs: the same top-5 search with and without a three-clause
/// filter (the difference is the LINQ translation plus the filter itself) on the in-memory store over 100 records and on Pinecone.
/// Records per second for the upserts are 1,000 divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class VectorStoreWireBenchmarks
{
    private const int Dimensions = 384;
    private const int UpsertRecords = 1_000;

    private readonly Random _random = new(7);
    private EmulatorServer _emulator = null!;
    private PineconeVectorStore _pinecone = null!;
    private WeaviateVectorStore _weaviate = null!;
    private InMemoryVectorStore _inMemory = null!;
    private VectorStoreCollection<object, Dictionary<string, object?>> _pineconeDocs = null!;
    private VectorStoreCollection<object, Dictionary<string, object?>> _weaviateDocs = null!;
    private VectorStoreCollection<object, Dictionary<string, object?>> _inMemoryDocs = null!;
    private List<Dictionary<string, object?>> _pineconeBatch = null!;
    private List<Dictionary<string, object?>> _weaviateBatch = null!;
    private ReadOnlyMemory<float> _query;

    private static VectorStoreCollectionDefinition Definition(Type keyType) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Key", keyType),
            new VectorStoreDataProperty("Category", typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty("Year", typeof(int)) { IsIndexed = true },
            new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), Dimensions),
        ],
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _pinecone = new PineconeVectorStore(new PineconeClientOptions { ApiKey = "emulator-key", Endpoint = _emulator.PineconeEndpoint });
        _weaviate = new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = "emulator-key", Endpoint = _emulator.WeaviateEndpoint });
        _inMemory = new InMemoryVectorStore();
        _pineconeDocs = _pinecone.GetDynamicCollection("bench-docs", Definition(typeof(string)));
        _weaviateDocs = _weaviate.GetDynamicCollection("BenchDocs", Definition(typeof(Guid)));
        _inMemoryDocs = _inMemory.GetDynamicCollection("bench-docs", Definition(typeof(string)));
        await _pineconeDocs.EnsureCollectionExistsAsync();
        await _weaviateDocs.EnsureCollectionExistsAsync();
        await _inMemoryDocs.EnsureCollectionExistsAsync();
        _pineconeBatch = [.. Enumerable.Range(0, UpsertRecords).Select(i => Record("doc-" + i, i))];
        _weaviateBatch = [.. Enumerable.Range(0, UpsertRecords).Select(i => Record(new Guid(i, 0, 0, new byte[8]), i))];
        await _inMemoryDocs.UpsertAsync(_pineconeBatch.Take(100));
        await _pineconeDocs.UpsertAsync(_pineconeBatch);
        _query = Vector();

        // The filtered search must find something, or it measures an empty scan.
        Check.Same("in-memory filtered top 5", 5, await FilteredAsync(_inMemoryDocs));
        Check.Same("pinecone filtered top 5", 5, await FilteredAsync(_pineconeDocs));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _pinecone.Dispose();
        _weaviate.Dispose();
        _inMemory.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Description = "w pinecone upsert 1,000 x 384 (emulator)")]
    public Task PineconeUpsert() => _pineconeDocs.UpsertAsync(_pineconeBatch);

    [Benchmark(Description = "w weaviate upsert 1,000 x 384 (emulator)")]
    public Task WeaviateUpsert() => _weaviateDocs.UpsertAsync(_weaviateBatch);

    [Benchmark(Description = "w in-memory top 5 of 100, no filter")]
    public Task<int> InMemoryUnfiltered() => UnfilteredAsync(_inMemoryDocs);

    [Benchmark(Description = "w in-memory top 5 of 100, 3-clause filter")]
    public Task<int> InMemoryFiltered() => FilteredAsync(_inMemoryDocs);

    [Benchmark(Description = "w pinecone top 5 of 1,000, no filter (emulator)")]
    public Task<int> PineconeUnfiltered() => UnfilteredAsync(_pineconeDocs);

    [Benchmark(Description = "w pinecone top 5 of 1,000, 3-clause filter (emulator)")]
    public Task<int> PineconeFiltered() => FilteredAsync(_pineconeDocs);

    private async Task<int> UnfilteredAsync(VectorStoreCollection<object, Dictionary<string, object?>> docs)
    {
        var count = 0;
        await foreach (var _ in docs.SearchAsync(_query, 5))
        {
            count++;
        }

        return count;
    }

    private async Task<int> FilteredAsync(VectorStoreCollection<object, Dictionary<string, object?>> docs)
    {
        var count = 0;
        await foreach (var _ in docs.SearchAsync(_query, 5, new() { Filter = r => (string)r["Category"]! == "news" && (int)r["Year"]! >= 2020 && (int)r["Year"]! != 2023 }))
        {
            count++;
        }

        return count;
    }

    private Dictionary<string, object?> Record(object key, int i) => new()
    {
        ["Key"] = key,
        ["Category"] = (i % 3) switch { 0 => "news", 1 => "sport", _ => "science" },
        ["Year"] = 2018 + (i % 8),
        ["Embedding"] = Vector(),
    };

    private ReadOnlyMemory<float> Vector()
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(_random.NextDouble() * 2 - 1);
        }

        return vector;
    }
}
