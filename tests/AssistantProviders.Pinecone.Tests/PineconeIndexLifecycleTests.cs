// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Net;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone.Tests;

[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Tests build POCO models.")]
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Tests build POCO models.")]
public sealed class PineconeIndexLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureExists_creates_a_serverless_index_with_dimension_metric_and_schema_then_waits_until_ready()
    {
        var handler = new VerbatimHttpHandler().NotFound().Respond(Fixtures.Index(ready: false), HttpStatusCode.Created).Respond(Fixtures.Index());
        handler.ExpectedHeaders["Api-Key"] = Fixtures.Key;
        handler.ExpectedHeaders["X-Pinecone-Api-Version"] = "2026-04";
        using var hotels = Fixtures.Hotels(handler);

        await hotels.EnsureCollectionExistsAsync(Ct);

        handler.Requests.Select(r => $"{r.Method} {r.Uri}").ShouldBe(
        [
            "GET https://api.pinecone.io/indexes/hotels",
            "POST https://api.pinecone.io/indexes",
            "GET https://api.pinecone.io/indexes/hotels",
        ]);
        VerbatimHttpHandler.AssertJsonEqual(
            """
            {"name":"hotels","dimension":3,"metric":"cosine","deletion_protection":"disabled","vector_type":"dense",
             "spec":{"serverless":{"cloud":"aws","region":"us-east-1","schema":{"fields":{
               "hotel_name":{"filterable":true},"Rating":{"filterable":true},"Price":{"filterable":true},"Open":{"filterable":true},"Tags":{"filterable":true}}}}}}
            """,
            handler.Requests[1].Body!);
        handler.Requests[0].Headers.ShouldNotContainKey("Authorization");
    }

    [Fact]
    public async Task Cloud_region_and_the_metric_of_the_distance_function_come_from_the_options()
    {
        var handler = new VerbatimHttpHandler().NotFound().Respond(Fixtures.Index(metric: "dotproduct"), HttpStatusCode.Created).Respond(Fixtures.Index(metric: "dotproduct"));
        using var store = Fixtures.Store(handler, o => o.Cloud = "gcp");
        using var collection = store.GetDynamicCollection("hotels", new PineconeCollectionOptions { Region = "europe-west4", Definition = Definition(DistanceFunction.DotProductSimilarity) });

        await collection.EnsureCollectionExistsAsync(Ct);

        VerbatimHttpHandler.AssertJsonEqual(
            """{"name":"hotels","dimension":3,"metric":"dotproduct","deletion_protection":"disabled","vector_type":"dense","spec":{"serverless":{"cloud":"gcp","region":"europe-west4"}}}""",
            handler.Requests[1].Body!);
    }

    [Theory]
    [InlineData(DistanceFunction.EuclideanSquaredDistance, "euclidean")]
    [InlineData(DistanceFunction.CosineSimilarity, "cosine")]
    [InlineData(DistanceFunction.DotProductSimilarity, "dotproduct")]
    public async Task Distance_functions_map_to_pinecone_metrics(string distance, string metric)
    {
        var handler = new VerbatimHttpHandler().NotFound().Respond(Fixtures.Index(), HttpStatusCode.Created).Respond(Fixtures.Index());
        using var store = Fixtures.Store(handler);
        using var collection = store.GetDynamicCollection("hotels", Definition(distance));

        await collection.EnsureCollectionExistsAsync(Ct);

        handler.Requests[1].Body!.ShouldContain($"\"metric\":\"{metric}\"");
    }

    [Theory]
    [InlineData(DistanceFunction.EuclideanDistance)]
    [InlineData(DistanceFunction.CosineDistance)]
    [InlineData(DistanceFunction.ManhattanDistance)]
    public void Other_distance_functions_are_not_supported(string distance)
    {
        using var store = Fixtures.Store(new VerbatimHttpHandler());

        Should.Throw<NotSupportedException>(() => store.GetDynamicCollection("hotels", Definition(distance))).Message.ShouldContain(distance);
    }

    [Fact]
    public async Task EnsureExists_on_an_index_with_another_dimension_names_both()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Index(dimension: 1536));
        using var hotels = Fixtures.Hotels(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => hotels.EnsureCollectionExistsAsync(Ct));

        ex.Message.ShouldContain("1536");
        ex.Message.ShouldContain(" 3");
        handler.Requests.Count.ShouldBe(1, "nothing is created");
    }

    [Fact]
    public async Task EnsureExists_twice_and_a_concurrent_create_409_are_idempotent()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Fixtures.Index())
            .NotFound()
            .Respond("""{"error":{"code":"ALREADY_EXISTS","message":"Resource already exists."},"status":409}""", HttpStatusCode.Conflict)
            .Respond(Fixtures.Index());
        using var hotels = Fixtures.Hotels(handler);

        await hotels.EnsureCollectionExistsAsync(Ct);
        await hotels.EnsureCollectionExistsAsync(Ct);

        handler.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
    }

    [Fact]
    public async Task Waiting_for_readiness_is_bounded_on_the_time_provider_and_times_out_typed()
    {
        var time = new FakeTimeProvider();
        var handler = new VerbatimHttpHandler().NotFound().Respond(Fixtures.Index(ready: false), HttpStatusCode.Created);
        for (var i = 0; i < 20; i++)
        {
            handler.Respond(Fixtures.Index(ready: false));
        }

        using var store = Fixtures.Store(handler, o => { o.IndexReadyTimeout = TimeSpan.FromSeconds(3); o.IndexReadyPollInterval = TimeSpan.FromSeconds(1); }, time);
        using var collection = store.GetCollection<Hotel>("hotels", null);

        var ensure = collection.EnsureCollectionExistsAsync(Ct);
        for (var i = 0; i < 2_000 && !ensure.IsCompleted; i++)
        {
            await Task.Delay(5, Ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var ex = await Should.ThrowAsync<ProviderTimeoutException>(() => ensure);
        ex.Message.ShouldContain("hotels");
        ex.Message.ShouldContain("Initializing");
        ex.ProviderId.ShouldBe("pinecone");
        handler.Requests.Count(r => r.Method == HttpMethod.Get).ShouldBeInRange(2, 6, "the 404, then a poll about every second until the three seconds are up");
    }

    [Fact]
    public async Task An_index_that_failed_to_initialize_is_an_error_not_a_wait()
    {
        var failed = Fixtures.Index(ready: false).Replace("Initializing", "InitializationFailed", StringComparison.Ordinal);
        var handler = new VerbatimHttpHandler().Respond(failed);
        using var hotels = Fixtures.Hotels(handler);

        (await Should.ThrowAsync<AssistantProviderException>(() => hotels.EnsureCollectionExistsAsync(Ct))).Message.ShouldContain("InitializationFailed");
    }

    [Fact]
    public async Task Exists_list_and_delete_use_the_control_plane_and_a_missing_index_is_a_no_op()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Fixtures.Index())
            .NotFound()
            .Respond("""{"indexes":[""" + Fixtures.Index("a") + "," + Fixtures.Index("b") + "]}")
            .Respond(string.Empty, HttpStatusCode.Accepted)
            .NotFound();
        using var store = Fixtures.Store(handler);

        (await store.CollectionExistsAsync("hotels", Ct)).ShouldBeTrue();
        (await store.CollectionExistsAsync("missing", Ct)).ShouldBeFalse();
        (await store.ListCollectionNamesAsync(Ct).ToListAsync(Ct)).ShouldBe(["a", "b"]);
        await store.EnsureCollectionDeletedAsync("hotels", Ct);
        await store.EnsureCollectionDeletedAsync("hotels", Ct);

        handler.Requests[3].Method.ShouldBe(HttpMethod.Delete);
        handler.Requests[3].Uri.ShouldBe(new Uri("https://api.pinecone.io/indexes/hotels"));
    }

    [Theory]
    [InlineData("Hotels")]
    [InlineData("hotel_rooms")]
    [InlineData("-hotels")]
    [InlineData("a-name-that-is-far-too-long-for-a-pinecone-index")]
    public void Invalid_index_names_are_rejected(string name)
    {
        using var store = Fixtures.Store(new VerbatimHttpHandler());

        Should.Throw<ArgumentException>(() => store.GetCollection<Hotel>(name, null));
    }

    [Fact]
    public void Keys_must_be_strings()
    {
        using var store = Fixtures.Store(new VerbatimHttpHandler());

        Should.Throw<NotSupportedException>(() => store.GetCollection<Guid, Hotel>("hotels"));
    }

    [Fact]
    public void Metadata_names_the_system_and_the_collection()
    {
        using var store = Fixtures.Store(new VerbatimHttpHandler());
        using var hotels = store.GetCollection<Hotel>("hotels", null);

        store.GetService(typeof(VectorStoreMetadata)).ShouldBeOfType<VectorStoreMetadata>().VectorStoreSystemName.ShouldBe("pinecone");
        var metadata = hotels.GetService(typeof(VectorStoreCollectionMetadata)).ShouldBeOfType<VectorStoreCollectionMetadata>();
        metadata.CollectionName.ShouldBe("hotels");
        metadata.VectorStoreSystemName.ShouldBe("pinecone");
        hotels.GetService(typeof(PineconeCollection<Hotel>)).ShouldBeSameAs(hotels);
    }

    internal static VectorStoreCollectionDefinition Definition(string distance) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Id", typeof(string)),
            new VectorStoreDataProperty("Name", typeof(string)),
            new VectorStoreDataProperty("Rating", typeof(int)),
            new VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 3) { DistanceFunction = distance },
        ],
    };
}
