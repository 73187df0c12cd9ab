// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Pinecone;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

/// <summary>
/// The requests the Pinecone clients send, validated against Pinecone's 2026-04 OpenAPI documents in <c>../shared/specs/pinecone</c>:
/// the control plane (create index), the data plane (upsert, query, fetch by metadata, delete) and the inference plane (embed,
/// rerank). A negative case proves the validator can fail.
/// </summary>
public sealed class PineconeRequestContractTests
{
    private const string Key = "pcsk_contract-0123456789";
    private const string Host = "contract-abc.svc.aped-4627-b74a.pinecone.io";
    private const string Index = """{"name":"contract","dimension":3,"metric":"cosine","host":"contract-abc.svc.aped-4627-b74a.pinecone.io","spec":{"serverless":{"cloud":"aws","region":"us-east-1"}},"status":{"ready":true,"state":"Ready"},"vector_type":"dense"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OpenApiRequestValidator Control() => OpenApiRequestValidator.ForProvider("pinecone", "db_control_2026-04.oas.yaml");

    private static OpenApiRequestValidator Data() => OpenApiRequestValidator.ForProvider("pinecone", "db_data_2026-04.oas.yaml");

    private static OpenApiRequestValidator Inference() => OpenApiRequestValidator.ForProvider("pinecone", "inference_2026-04.oas.yaml");

    private static PineconeClientOptions Options() => new() { ApiKey = Key };

    [Fact]
    public async Task CreateIndex_MatchesTheControlPlaneSpec()
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"error":{"code":"NOT_FOUND","message":"not found"},"status":404}""", HttpStatusCode.NotFound)
            .Respond(Index, HttpStatusCode.Created)
            .Respond(Index);
        using var store = new PineconeVectorStore(Options(), new HttpClient(handler));
        using var collection = store.GetDynamicCollection("contract", Definition());

        await collection.EnsureCollectionExistsAsync(Ct);

        var create = handler.Requests[1];
        create.Uri.AbsolutePath.ShouldBe("/indexes");
        Control().AssertValid(create.Uri.AbsolutePath, "POST", create.Body);
        create.Headers["X-Pinecone-Api-Version"].ShouldBe("2026-04");
    }

    [Fact]
    public async Task DataPlaneRequests_MatchTheDataPlaneSpec()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Index)
            .Respond("""{"upsertedCount":1}""")
            .Respond("""{"matches":[]}""")
            .Respond("""{"vectors":{}}""")
            .Respond("{}");
        using var store = new PineconeVectorStore(Options(), new HttpClient(handler));
        using var collection = store.GetDynamicCollection("contract", new PineconeCollectionOptions { Namespace = "docs", Definition = Definition() });

        await collection.UpsertAsync(new Dictionary<string, object?> { ["Id"] = "d1", ["Title"] = "t", ["Rating"] = 3, ["Tags"] = new[] { "a" }, ["Vector"] = new ReadOnlyMemory<float>([1f, 0f, 0f]) }, Ct);
        await collection.SearchAsync(new ReadOnlyMemory<float>([1f, 0f, 0f]), 3, new VectorSearchOptions<Dictionary<string, object?>> { Filter = r => (int)r["Rating"]! >= 3 }, Ct).ToListAsync(Ct);
        await collection.GetAsync(r => (string)r["Title"]! == "t", 5, cancellationToken: Ct).ToListAsync(Ct);
        await collection.DeleteAsync("d1", Ct);

        var validator = Data();
        foreach (var request in handler.Requests.Skip(1))
        {
            request.Uri.Host.ShouldBe(Host);
            validator.AssertValid(request.Uri.AbsolutePath, "POST", request.Body);
        }

        handler.Requests.Skip(1).Select(r => r.Uri.AbsolutePath).ShouldBe(["/vectors/upsert", "/query", "/vectors/fetch_by_metadata", "/vectors/delete"]);
    }

    [Fact]
    public async Task EmbedAndRerank_MatchTheInferenceSpec()
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"error":{"code":"INVALID_ARGUMENT","message":"contract test"},"status":400}""", HttpStatusCode.BadRequest)
            .Respond("""{"error":{"code":"INVALID_ARGUMENT","message":"contract test"},"status":400}""", HttpStatusCode.BadRequest);
        using var generator = new PineconeEmbeddingGenerator(Options(), new HttpClient(handler));
        using var rerank = new PineconeRerankClient(Options(), new HttpClient(handler));

        await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions
        {
            Dimensions = 512,
            AdditionalProperties = new() { [PineconePropertyNames.InputType] = PineconePropertyNames.Query },
        }, Ct));
        await Should.ThrowAsync<AssistantProviderException>(() => rerank.RerankAsync("capital of France", ["Paris", "Bananas"], new RerankOptions { TopN = 1 }, Ct));

        var validator = Inference();
        validator.AssertValid(handler.Requests[0].Uri.AbsolutePath, "POST", handler.Requests[0].Body);
        validator.AssertValid(handler.Requests[1].Uri.AbsolutePath, "POST", handler.Requests[1].Body);
    }

    [Fact]
    public void TheValidator_RejectsABodyOutsideTheSpec()
    {
        Data().Validate("/query", "POST", """{"vector":[1,0,0],"includeMetadata":"yes"}""").ShouldNotBeEmpty("topK is required and includeMetadata is a boolean");
        Control().Validate("/indexes", "POST", """{"dimension":3}""").ShouldNotBeEmpty("name and spec are required");
    }

    private static VectorStoreCollectionDefinition Definition() => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Id", typeof(string)),
            new VectorStoreDataProperty("Title", typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty("Rating", typeof(int)) { IsIndexed = true },
            new VectorStoreDataProperty("Tags", typeof(string[])) { IsIndexed = true },
            new VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 3),
        ],
    };
}
