// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Tests;

public sealed class CohereEmbeddingAndRerankTests
{
    [Fact]
    public async Task Embed_defaults_to_search_document_and_float_embeddings()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v2/embed",
            ExpectedRequestJson = """{"model":"embed-english-v3.0","texts":["sunny day at the beach","rainy day in the city"],"input_type":"search_document","embedding_types":["float"]}""",
        };
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Fixtures.Key;
        handler.Respond(Fixtures.Read("embed.json"));
        using var generator = Fixtures.Embeddings(handler);

        var result = await generator.GenerateAsync(["sunny day at the beach", "rainy day in the city"], cancellationToken: TestContext.Current.CancellationToken);

        result.Count.ShouldBe(2);
        result[0].Vector.ToArray().ShouldBe([0.03302002f, 0.020904541f, -0.019744873f, -0.0625f, 0.04437256f]);
        result[1].Vector.Span[0].ShouldBe(-0.04660034f);
        result.Usage!.InputTokenCount.ShouldBe(10);
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("cohere");
    }

    [Fact]
    public async Task Query_input_type_and_dimensions_come_from_the_options()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"embed-v4.0","texts":["a","b"],"input_type":"search_query","embedding_types":["float"],"output_dimension":256,"truncate":"END"}""",
        };
        handler.Respond(Fixtures.Read("embed.json"));
        using var generator = Fixtures.Embeddings(handler);

        await generator.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions
        {
            ModelId = "embed-v4.0",
            Dimensions = 256,
            AdditionalProperties = new() { [CoherePropertyNames.InputType] = CoherePropertyNames.SearchQuery, [CoherePropertyNames.Truncate] = "END" },
        }, TestContext.Current.CancellationToken);

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Embedding_count_mismatch_is_an_invalid_response()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("embed.json"));
        using var generator = Fixtures.Embeddings(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateAsync(["only one"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rerank_reorders_documents_best_first_with_their_text_and_search_units()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v2/rerank",
            ExpectedRequestJson = """{"model":"rerank-v3.5","query":"rainy weather","documents":["sunny day at the beach","rainy day in the city"],"top_n":2}""",
        };
        handler.Respond(Fixtures.Read("rerank.json"));
        using var client = Fixtures.Rerank(handler);

        var result = await client.RerankAsync("rainy weather", ["sunny day at the beach", "rainy day in the city"], new RerankOptions { TopN = 2 }, TestContext.Current.CancellationToken);

        result.Results.Select(r => r.Index).ShouldBe([1, 0]);
        result.Results[0].Document.ShouldBe("rainy day in the city");
        result.Results[0].RelevanceScore.ShouldBe(0.10183054, 1e-9);
        result.Results[1].Document.ShouldBe("sunny day at the beach");
        result.Usage!.AdditionalCounts![CoherePropertyNames.SearchUnitsUsageKey].ShouldBe(1);
        result.ResponseId.ShouldBe("b44fe75b-e3d3-489a-b61e-1a1aede3ef72");
        result.ModelId.ShouldBe("rerank-v3.5");
    }

    [Fact]
    public async Task Rerank_sorts_even_when_the_vendor_does_not()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"id":"x","results":[{"index":0,"relevance_score":0.1},{"index":2,"relevance_score":0.9},{"index":1,"relevance_score":0.5}]}""");
        using var client = Fixtures.Rerank(handler);

        var result = await client.RerankAsync("q", ["a", "b", "c"], cancellationToken: TestContext.Current.CancellationToken);

        result.Results.Select(r => r.Document).ShouldBe(["c", "b", "a"]);
    }

    [Fact]
    public async Task Rerank_result_outside_the_documents_is_invalid()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"id":"x","results":[{"index":5,"relevance_score":0.1}]}""");
        using var client = Fixtures.Rerank(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.RerankAsync("q", ["a"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rerank_errors_are_typed()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-401.json"), HttpStatusCode.Unauthorized);
        using var client = Fixtures.Rerank(handler);

        await Should.ThrowAsync<AuthenticationException>(() => client.RerankAsync("q", ["a"], cancellationToken: TestContext.Current.CancellationToken));
    }
}
