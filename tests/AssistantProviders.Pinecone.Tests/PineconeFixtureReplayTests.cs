// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Pinecone.Tests;

/// <summary>Replays the official Pinecone examples in ../shared/fixtures/pinecone (read in place; skipped when absent).</summary>
public sealed class PineconeFixtureReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_indexes_reads_every_kind_of_index()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("list-indexes.spec-example.json"));
        using var store = Fixtures.Store(handler);

        (await store.ListCollectionNamesAsync(Ct).ToListAsync(Ct)).ShouldBe(["semantic-search", "image-search", "sparse-index"]);
    }

    [Fact]
    public async Task A_describe_that_is_still_initializing_is_polled_and_its_host_used_once_ready()
    {
        var initializing = Fixtures.Read("describe-index-serverless.spec-example.json");
        var ready = initializing.Replace("\"ready\": false", "\"ready\": true", StringComparison.Ordinal).Replace("Initializing", "Ready", StringComparison.Ordinal);
        var handler = new VerbatimHttpHandler().Respond(initializing).Respond(ready).Respond("{}");
        using var store = Fixtures.Store(handler, o => o.IndexReadyPollInterval = TimeSpan.FromMilliseconds(1));
        using var collection = store.GetDynamicCollection("movie-recommendations", Definition1536());

        await collection.DeleteAsync("m1", Ct);

        handler.Requests[2].Uri.ShouldBe(new Uri("https://movie-recommendations-c01b5b5.svc.us-east1-gcp.pinecone.io/vectors/delete"));
    }

    [Fact]
    public async Task Fetch_maps_the_example_vectors()
    {
        var handler = new VerbatimHttpHandler().Described("example").Respond(Fixtures.Read("fetch-vectors.spec-example.json"));
        using var store = Fixtures.Store(handler);
        var definition = PineconeIndexLifecycleTests.Definition(Microsoft.Extensions.VectorData.DistanceFunction.CosineSimilarity);
        definition.Properties[^1] = new Microsoft.Extensions.VectorData.VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 2);
        using var collection = store.GetDynamicCollection("example", definition);

        var found = await collection.GetAsync(["id-1", "id-2"], new Microsoft.Extensions.VectorData.RecordRetrievalOptions { IncludeVectors = true }, Ct).ToListAsync(Ct);

        found.Select(r => r["Id"]).ShouldBe(["id-1", "id-2"]);
        ((ReadOnlyMemory<float>)found[0]["Vector"]!).ToArray().ShouldBe([1.0f, 1.5f]);
    }

    [Theory]
    [InlineData("error-401-unauthorized.spec-example.json", HttpStatusCode.Unauthorized, typeof(AuthenticationException))]
    [InlineData("error-409-already-exists.spec-example.json", HttpStatusCode.Conflict, typeof(AssistantProviderException))]
    public async Task Error_examples_are_typed(string file, HttpStatusCode status, Type expected)
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read(file), status);
        using var store = Fixtures.Store(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => store.CollectionExistsAsync("example-index", Ct));

        ex.ShouldBeOfType(expected);
        ex.StatusCode.ShouldBe((int)status);
        ex.ErrorCode.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_404_example_means_the_index_does_not_exist()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-404-index-not-found.spec-example.json"), HttpStatusCode.NotFound);
        using var store = Fixtures.Store(handler);

        (await store.CollectionExistsAsync("example-index", Ct)).ShouldBeFalse();
    }

    private static Microsoft.Extensions.VectorData.VectorStoreCollectionDefinition Definition1536()
    {
        var definition = PineconeIndexLifecycleTests.Definition(Microsoft.Extensions.VectorData.DistanceFunction.CosineSimilarity);
        definition.Properties[^1] = new Microsoft.Extensions.VectorData.VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 1536);
        return definition;
    }
}
