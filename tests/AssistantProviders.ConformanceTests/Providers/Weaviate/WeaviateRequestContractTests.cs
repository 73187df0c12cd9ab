// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;
using AssistantProviders.Weaviate;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Weaviate;

/// <summary>
/// The request bodies the Weaviate store sends (<c>POST /v1/schema</c>, <c>POST /v1/schema/{class}/tenants</c>,
/// <c>POST /v1/batch/objects</c>, <c>DELETE /v1/batch/objects</c>, <c>POST /v1/graphql</c>), validated against Weaviate's REST spec in
/// <c>../shared/specs/weaviate/schema.json</c>. That spec is Swagger 2.0 (body parameters, not <c>requestBody</c>), so each
/// operation's body schema is taken from its <c>in: body</c> parameter with the spec's <c>definitions</c> and validated as a JSON
/// Schema (the spec's <c>Vector</c>, Go's <c>interface{}</c> rendered as <c>type: object</c>, is widened to the arrays Weaviate takes).
/// Every call is answered with a 422 so only the request matters; negative cases prove the validator can fail.
/// </summary>
public sealed class WeaviateRequestContractTests
{
    private const string Key = "weaviate-contract-0123456789";
    private const string Rejected = """{"error":[{"message":"contract test"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OpenApiRequestValidator BodyValidator(string path, string method)
    {
        var spec = JsonNode.Parse(File.ReadAllText(RepoPaths.Spec("weaviate", "schema.json")))!;
        var parameters = spec["paths"]![path]![method]!["parameters"]!.AsArray();
        var body = parameters.Single(p => p?["in"]?.GetValue<string>() == "body")!["schema"]!.DeepClone();
        var document = new JsonObject { ["definitions"] = spec["definitions"]!.DeepClone() };

        // The spec's named-vector value "Vector" is "type: object": it is Go's interface{} in Weaviate (a []float32, or a [][]float32
        // multi-vector), which go-swagger renders as an object. Weaviate and its clients send arrays, so the test widens it to those.
        document["definitions"]!["Vector"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "number" }, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "number" } }) },
        };
        foreach (var (name, value) in body.AsObject().ToList())
        {
            body.AsObject().Remove(name);
            document[name] = value;
        }

        return OpenApiRequestValidator.Parse(document.ToJsonString(), SpecKind.JsonSchema, "schema.json " + method.ToUpperInvariant() + " " + path);
    }

    private static (WeaviateVectorStore Store, VerbatimHttpHandler Handler) Store(int responses)
    {
        var handler = new VerbatimHttpHandler();
        for (var i = 0; i < responses; i++)
        {
            handler.Respond(Rejected, HttpStatusCode.UnprocessableEntity);
        }

        return (new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = Key, Endpoint = new Uri("https://contract.weaviate.example/") }, new HttpClient(handler)), handler);
    }

    private static VectorStoreCollectionDefinition Definition(bool twoVectors) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Id", typeof(Guid)),
            new VectorStoreDataProperty("Title", typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty("Body", typeof(string)) { IsFullTextIndexed = true },
            new VectorStoreDataProperty("Year", typeof(int)) { IsIndexed = true },
            new VectorStoreDataProperty("Tags", typeof(string[])) { IsIndexed = true },
            new VectorStoreDataProperty("Created", typeof(DateTimeOffset)),
            new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), 3) { DistanceFunction = DistanceFunction.DotProductSimilarity },
            .. twoVectors ? [new VectorStoreVectorProperty("Other", typeof(ReadOnlyMemory<float>), 2)] : Array.Empty<VectorStoreProperty>(),
        ],
    };

    private static Dictionary<string, object?> Record(bool twoVectors) => new()
    {
        ["Id"] = Guid.Parse("0b0b0b0b-1111-4222-8333-444455556666"),
        ["Title"] = "t",
        ["Body"] = "b",
        ["Year"] = 2024,
        ["Tags"] = new[] { "a" },
        ["Created"] = DateTimeOffset.UnixEpoch,
        ["Embedding"] = new ReadOnlyMemory<float>([1, 0, 0]),
        ["Other"] = twoVectors ? new ReadOnlyMemory<float>([0, 1]) : null,
    };

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, "acme")]
    public async Task CreateClass_And_AddTenant_MatchTheSpec(bool twoVectors, string? tenant)
    {
        // GET /v1/schema/Articles: 404 (missing), then POST /v1/schema is rejected.
        var missing = new VerbatimHttpHandler().Respond(string.Empty, HttpStatusCode.NotFound).Respond(Rejected, HttpStatusCode.UnprocessableEntity).Respond(string.Empty, HttpStatusCode.NotFound);
        using var store = new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = Key, Endpoint = new Uri("https://contract.weaviate.example/") }, new HttpClient(missing));
        var collection = store.GetDynamicCollection("Articles", new WeaviateCollectionOptions { Definition = Definition(twoVectors), Tenant = tenant });
        await Should.ThrowAsync<AssistantProviderException>(() => collection.EnsureCollectionExistsAsync(Ct));

        var create = missing.Requests.Single(r => r.Method == HttpMethod.Post);
        create.Uri.AbsolutePath.ShouldBe("/v1/schema");
        BodyValidator("/schema", "post").AssertValid("/v1/schema", "POST", create.Body);

        if (tenant is not null)
        {
            // GET /v1/schema/Articles: it exists, then POST /v1/schema/Articles/tenants is rejected.
            var existing = new VerbatimHttpHandler().Respond("""{"class":"Articles"}""").Respond(Rejected, HttpStatusCode.UnprocessableEntity);
            using var tenantStore = new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = Key, Endpoint = new Uri("https://contract.weaviate.example/") }, new HttpClient(existing));
            await Should.ThrowAsync<AssistantProviderException>(() => tenantStore.GetDynamicCollection("Articles", new WeaviateCollectionOptions { Definition = Definition(false), Tenant = tenant }).EnsureCollectionExistsAsync(Ct));
            var add = existing.Requests.Single(r => r.Method == HttpMethod.Post);
            add.Uri.AbsolutePath.ShouldBe("/v1/schema/Articles/tenants");
            BodyValidator("/schema/{className}/tenants", "post").AssertValid("/v1/schema/Articles/tenants", "POST", add.Body);
        }
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "acme")]
    public async Task BatchObjects_And_BatchDelete_MatchTheSpec(bool twoVectors, string? tenant)
    {
        var (store, handler) = Store(2);
        using var _ = store;
        var collection = store.GetDynamicCollection("Articles", new WeaviateCollectionOptions { Definition = Definition(twoVectors), Tenant = tenant });

        await Should.ThrowAsync<AssistantProviderException>(() => collection.UpsertAsync(Record(twoVectors), Ct));
        await Should.ThrowAsync<AssistantProviderException>(() => collection.DeleteAsync([Guid.NewGuid(), Guid.NewGuid()], Ct));

        BodyValidator("/batch/objects", "post").AssertValid("/v1/batch/objects", "POST", handler.Requests[0].Body);
        handler.Requests[1].Method.ShouldBe(HttpMethod.Delete);
        BodyValidator("/batch/objects", "delete").AssertValid("/v1/batch/objects", "DELETE", handler.Requests[1].Body);
        if (tenant is not null)
        {
            handler.Requests[1].Uri.Query.ShouldBe("?tenant=acme");
        }
    }

    [Fact]
    public async Task GraphQL_MatchesTheSpec()
    {
        var (store, handler) = Store(3);
        using var _ = store;
        var collection = store.GetDynamicCollection("Articles", new WeaviateCollectionOptions { Definition = Definition(false) });

        await Should.ThrowAsync<AssistantProviderException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 3, new() { Filter = r => (int)r["Year"]! > 2000 }, Ct).ToListAsync(Ct));
        await Should.ThrowAsync<AssistantProviderException>(async () => await collection.HybridSearchAsync(new float[] { 1, 0, 0 }, ["x"], 3, cancellationToken: Ct).ToListAsync(Ct));
        await Should.ThrowAsync<AssistantProviderException>(async () => await collection.GetAsync([Guid.NewGuid()], cancellationToken: Ct).ToListAsync(Ct));

        var validator = BodyValidator("/graphql", "post");
        foreach (var request in handler.Requests)
        {
            request.Uri.AbsolutePath.ShouldBe("/v1/graphql");
            validator.AssertValid("/v1/graphql", "POST", request.Body);
        }
    }

    [Fact]
    public void Negative_BodiesThatAreAlmostRight_FailValidation()
    {
        BodyValidator("/schema", "post").Validate("/v1/schema", "POST", """{"class":"Articles","vectorizer":"none","properties":[{"name":"Title","dataType":"text"}]}""").ShouldNotBeEmpty("dataType is an array");
        BodyValidator("/schema", "post").Validate("/v1/schema", "POST", """{"class":"Articles","vectoriser":"none"}""").ShouldNotBeEmpty("an unknown field");
        BodyValidator("/batch/objects", "post").Validate("/v1/batch/objects", "POST", """{"objects":[{"class":"Articles","vector":"1,0,0"}]}""").ShouldNotBeEmpty("the vector is an array");
        BodyValidator("/graphql", "post").Validate("/v1/graphql", "POST", """{"query":{"Get":{}}}""").ShouldNotBeEmpty("the query is a string");
        BodyValidator("/batch/objects", "post").Validate("/v1/batch/objects", "POST", """{"objects":[{"class":"Articles","vectors":{"Embedding":"1,0"}}]}""").ShouldNotBeEmpty("a named vector is an array");
        BodyValidator("/batch/objects", "delete").Validate("/v1/batch/objects", "DELETE", """{"match":{"class":"Articles"},"output":7}""").ShouldNotBeEmpty("output is a string");
    }
}
