// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Weaviate;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Real Weaviate calls, skipped without <c>WEAVIATE_URL</c> and <c>WEAVIATE_API_KEY</c>: the server version (free), then a throwaway
/// collection (created, filled, searched with <c>nearVector</c>, <c>hybrid</c> and a filter, and deleted). Weaviate is a store, not a
/// chat provider, so it has its own class.
/// </summary>
[Trait("Category", "Live")]
public sealed class WeaviateLiveTests
{
    private static WeaviateClientOptions Options()
    {
        var key = LiveSettings.Get("WEAVIATE_API_KEY");
        var url = LiveSettings.Get("WEAVIATE_URL");
        if (key is null || url is null)
        {
            Assert.Skip("WEAVIATE_URL or WEAVIATE_API_KEY not set");
        }

        return new WeaviateClientOptions
        {
            ApiKey = key,
            Endpoint = new Uri(url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    [Fact]
    public async Task Meta_AndAThrowawayCollection_RoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = new WeaviateVectorStore(Options());
        (await store.GetServerVersionAsync(ct)).ShouldNotBeNullOrEmpty();

        var name = "ApLive" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
        var collection = store.GetDynamicCollection(name, new WeaviateCollectionOptions { Definition = new VectorStoreCollectionDefinition
        {
            Properties =
            [
                new VectorStoreKeyProperty("Key", typeof(Guid)),
                new VectorStoreDataProperty("Text", typeof(string)) { IsIndexed = true, IsFullTextIndexed = true },
                new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), 3) { DistanceFunction = DistanceFunction.CosineSimilarity },
            ],
        } });
        try
        {
            await collection.EnsureCollectionExistsAsync(ct);
            await collection.UpsertAsync(
            [
                new() { ["Key"] = Guid.NewGuid(), ["Text"] = "risotto with rice", ["Embedding"] = new ReadOnlyMemory<float>([1, 0, 0]) },
                new() { ["Key"] = Guid.NewGuid(), ["Text"] = "pasta with sauce", ["Embedding"] = new ReadOnlyMemory<float>([0, 1, 0]) },
            ], ct);

            var nearest = await collection.SearchAsync(new ReadOnlyMemory<float>([1, 0.1f, 0]), 1, cancellationToken: ct).ToListAsync(ct);
            nearest.ShouldHaveSingleItem().Record["Text"].ShouldBe("risotto with rice");
            var filtered = await collection.SearchAsync(new ReadOnlyMemory<float>([1, 0, 0]), 2, new() { Filter = r => (string)r["Text"]! == "pasta with sauce" }, ct).ToListAsync(ct);
            filtered.ShouldHaveSingleItem().Record["Text"].ShouldBe("pasta with sauce");
            var hybrid = await collection.HybridSearchAsync(new ReadOnlyMemory<float>([0, 1, 0]), ["risotto"], 2, new WeaviateHybridSearchOptions<Dictionary<string, object?>> { Alpha = 0 }, ct).ToListAsync(ct);
            hybrid[0].Record["Text"].ShouldBe("risotto with rice");
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(CancellationToken.None);
        }
    }
}
