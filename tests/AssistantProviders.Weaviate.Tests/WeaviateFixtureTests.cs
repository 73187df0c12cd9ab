// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using AssistantProviders.Weaviate.Internal;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>Replays the recorded Weaviate payloads in ../shared/fixtures/weaviate (docs' published results of real queries).</summary>
public sealed class WeaviateFixtureTests(WeaviateTestServer emulator) : IClassFixture<WeaviateTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WeaviateRest Rest(VerbatimHttpHandler handler) =>
        new(new WeaviateClientOptions { ApiKey = ApiKey.FromString(WeaviateTestServer.Key), Endpoint = new Uri("https://demo.weaviate.example/") }, new HttpClient(handler), null, null);

    [Fact]
    public async Task The_recorded_near_text_answer_parses_and_maps_its_properties()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("weaviate", "graphql-get-neartext.response.json"));
        using var rest = Rest(handler);

        var data = await rest.GraphQLAsync("JeopardyQuestion", "{ Get { JeopardyQuestion(limit: 2) { question answer _additional { distance } } } }", Ct);

        var hits = data.GetProperty("Get").GetProperty("JeopardyQuestion");
        hits.GetArrayLength().ShouldBe(2);
        var model = new WeaviateModelBuilder().BuildDynamic(
            new VectorStoreCollectionDefinition { Properties = [new VectorStoreKeyProperty("Id", typeof(Guid)), new VectorStoreDataProperty("answer", typeof(string)), new VectorStoreDataProperty("question", typeof(string))] },
            null);
        var first = WeaviateRecordMapper.FromObject<Dictionary<string, object?>>(model, Guid.Empty, hits[0], default, default, includeVectors: false);
        first["answer"].ShouldBe("meerkats");
        first["question"].ShouldBeOfType<string>().ShouldContain("<i>The Lion King</i>");
        hits[1].GetProperty("_additional").GetProperty("distance").GetDouble().ShouldBe(0.17842108, 1e-7);
        handler.Requests.ShouldHaveSingleItem().Uri.AbsolutePath.ShouldBe("/v1/graphql");
        handler.Requests[0].Headers["Authorization"].ShouldBe("Bearer " + WeaviateTestServer.Key);
    }

    [Fact]
    public async Task A_recorded_answer_without_object_ids_is_an_invalid_response_not_records_without_keys()
    {
        // The hybrid fixture selected no _additional { id }; the collection always asks for it, so such an answer is invalid.
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("weaviate", "graphql-get-hybrid-vector.response.json"));
        using var store = new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = ApiKey.FromString(WeaviateTestServer.Key), Endpoint = new Uri("https://demo.weaviate.example/") }, new HttpClient(handler));
        var collection = (IKeywordHybridSearchable<JeopardyQuestion>)store.GetCollection<Guid, JeopardyQuestion>("JeopardyQuestion");

        var ex = await Should.ThrowAsync<InvalidResponseException>(async () => await collection.HybridSearchAsync(new float[1536], ["food"], 3, cancellationToken: Ct).ToListAsync(Ct));

        ex.Message.ShouldContain("_additional.id");
        JsonNode.Parse(handler.Requests.ShouldHaveSingleItem().Body!)!["query"]!.GetValue<string>().ShouldContain("hybrid: {query: \"food\", alpha: 0.5");
    }

    [Fact]
    public async Task The_emulator_answers_the_recorded_near_vector_document_in_the_recorded_shape()
    {
        // The docs' GraphQL document (with its '# highlight' comments and a 1,536-float literal) against a class of the same shape.
        using var store = emulator.Store();
        var name = "JeopardyQuestion";
        await store.EnsureCollectionDeletedAsync(name, Ct);
        var collection = store.GetCollection<Guid, JeopardyQuestion>(name);
        await collection.EnsureCollectionExistsAsync(Ct);
        var document = RepoPaths.ReadFixture("weaviate", "graphql-get-nearvector.request.graphql");
        var start = document.IndexOf('[', StringComparison.Ordinal);
        var literal = document[start..(document.IndexOf(']', start) + 1)];
        var recorded = JsonNode.Parse(literal)!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        await collection.UpsertAsync(
        [
            new JeopardyQuestion { Id = Guid.NewGuid(), Question = "Scooby-Doo, Goofy & Pluto are cartoon versions", Answer = "dogs", Vector = recorded },
            new JeopardyQuestion { Id = Guid.NewGuid(), Question = "far away", Answer = "far", Vector = Enumerable.Range(0, 1536).Select(i => i % 2 == 0 ? 1f : -1f).ToArray() },
            new JeopardyQuestion { Id = Guid.NewGuid(), Question = "farther", Answer = "farther", Vector = Enumerable.Range(0, 1536).Select(i => i % 3 == 0 ? 1f : 0f).ToArray() },
        ], Ct);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Server.WeaviateEndpoint, "v1/graphql"))
        {
            Content = new StringContent(new JsonObject { ["query"] = document }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", WeaviateTestServer.Key);
        using var response = await http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        answer["errors"].ShouldBeNull(answer.ToJsonString());

        var shape = JsonNode.Parse(RepoPaths.ReadFixture("weaviate", "graphql-get-neartext.response.json"))!;
        var hits = answer["data"]!["Get"]!["JeopardyQuestion"]!.AsArray();
        hits.Count.ShouldBe(2);
        hits[0]!.AsObject().Select(p => p.Key).Order().ShouldBe(shape["data"]!["Get"]!["JeopardyQuestion"]![0]!.AsObject().Select(p => p.Key).Order());
        hits[0]!["answer"]!.GetValue<string>().ShouldBe("dogs");
        hits[0]!["_additional"]!["distance"]!.GetValue<double>().ShouldBe(0, 1e-5);
        await store.EnsureCollectionDeletedAsync(name, Ct);
    }
}
