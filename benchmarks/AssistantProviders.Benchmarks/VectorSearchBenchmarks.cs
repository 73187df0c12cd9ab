// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Sqlite;
using AssistantProviders.VectorStores;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// (v) Exact vector search as users get it by default: <c>SearchAsync</c> top 10, cosine similarity, 1,536 dimensions (the size of
/// OpenAI's text-embedding-3-small), seeded random vectors. The in-memory store holds 100,000 records (586 MiB of vectors); the
/// SQLite store 10,000 (it reads every vector from the file per search, so 100,000 would take seconds per call and the run hours).
/// The MB/s column is the vector bytes scanned per search divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class VectorSearchBenchmarks
{
    private const int Dimensions = 1_536;
    private const int InMemoryRecords = 100_000;
    private const int SqliteRecords = 10_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ap-bench-vectors-" + Guid.NewGuid().ToString("N"));
    private InMemoryVectorStore _inMemory = null!;
    private SqliteVectorStore _sqlite = null!;
    private VectorStoreCollection<object, Dictionary<string, object?>> _inMemoryDocs = null!;
    private VectorStoreCollection<object, Dictionary<string, object?>> _sqliteDocs = null!;
    private ReadOnlyMemory<float> _query;

    /// <summary>Gets the vector bytes one search of <paramref name="methodName"/> scans (0 when unknown).</summary>
    /// <param name="methodName">The benchmark method name.</param>
    /// <returns>The bytes scanned.</returns>
    public static int BytesPerOperation(string methodName) => methodName switch
    {
        nameof(InMemorySearchTop10) => InMemoryRecords * Dimensions * sizeof(float),
        nameof(SqliteSearchTop10) => SqliteRecords * Dimensions * sizeof(float),
        _ => 0,
    };

    private static VectorStoreCollectionDefinition Definition => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Key", typeof(string)),
            new VectorStoreDataProperty("Text", typeof(string)),
            new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), Dimensions),
        ],
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var random = new Random(42);
        _query = Vector(random);
        Directory.CreateDirectory(_folder);
        _inMemory = new InMemoryVectorStore();
        _sqlite = new SqliteVectorStore(Path.Combine(_folder, "vectors.db"));
        _inMemoryDocs = await FillAsync(_inMemory, InMemoryRecords, random);
        _sqliteDocs = await FillAsync(_sqlite, SqliteRecords, random);

        // 10 hits x 2 properties each (key and text; vectors are not returned by default), or the case measures something else.
        Check.Same("in-memory top 10", 20, await CountAsync(_inMemoryDocs));
        Check.Same("sqlite top 10", 20, await CountAsync(_sqliteDocs));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _inMemory.Dispose();
        _sqlite.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "v in-memory search, 100k x 1536, top 10")]
    public async Task<int> InMemorySearchTop10() => await CountAsync(_inMemoryDocs);

    [Benchmark(Description = "v sqlite search, 10k x 1536, top 10")]
    public async Task<int> SqliteSearchTop10() => await CountAsync(_sqliteDocs);

    private async Task<int> CountAsync(VectorStoreCollection<object, Dictionary<string, object?>> docs)
    {
        var count = 0;
        await foreach (var hit in docs.SearchAsync(_query, 10))
        {
            count += hit.Record.Count;
        }

        return count;
    }

    private static async Task<VectorStoreCollection<object, Dictionary<string, object?>>> FillAsync(VectorStore store, int records, Random random)
    {
        var docs = store.GetDynamicCollection("bench", Definition);
        await docs.EnsureCollectionExistsAsync();
        for (var start = 0; start < records; start += 1_000)
        {
            var batch = new List<Dictionary<string, object?>>(1_000);
            for (var i = start; i < Math.Min(records, start + 1_000); i++)
            {
                batch.Add(new() { ["Key"] = "doc-" + i, ["Text"] = "chunk " + i, ["Embedding"] = Vector(random) });
            }

            await docs.UpsertAsync(batch);
        }

        return docs;
    }

    private static ReadOnlyMemory<float> Vector(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return vector;
    }
}
