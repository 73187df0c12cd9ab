// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Pinecone.Tests;

public sealed class PineconeInferenceTests
{
    private const string EmbedResponse = """
        {"model":"llama-text-embed-v2","vector_type":"dense","data":[{"values":[0.1,0.2],"vector_type":"dense"},{"values":[0.3,0.4],"vector_type":"dense"}],"usage":{"total_tokens":12}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Embed_defaults_to_passage_and_returns_dense_vectors_with_usage()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/embed",
            ExpectedRequestJson = """{"model":"llama-text-embed-v2","parameters":{"input_type":"passage"},"inputs":[{"text":"sunny beach"},{"text":"rainy city"}]}""",
        };
        handler.ExpectedHeaders["Api-Key"] = Fixtures.Key;
        handler.ExpectedHeaders["X-Pinecone-Api-Version"] = "2026-04";
        handler.Respond(EmbedResponse);
        using var generator = new PineconeEmbeddingGenerator(Fixtures.Options(), new HttpClient(handler));

        var result = await generator.GenerateAsync(["sunny beach", "rainy city"], cancellationToken: Ct);

        handler.Requests[0].Uri.ShouldBe(new Uri("https://api.pinecone.io/embed"));
        result.Select(e => e.Vector.ToArray()).ShouldBe([[0.1f, 0.2f], [0.3f, 0.4f]]);
        result[0].ModelId.ShouldBe("llama-text-embed-v2");
        result.Usage!.InputTokenCount.ShouldBe(12);
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("pinecone");
        generator.GetService<EmbeddingGeneratorMetadata>()!.ProviderName.ShouldBe("pinecone");
    }

    [Fact]
    public async Task Query_input_type_truncate_dimensions_and_model_come_from_the_options()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"multilingual-e5-large","parameters":{"input_type":"query","truncate":"END","dimension":384},"inputs":[{"text":"a"},{"text":"b"}]}""",
        };
        handler.Respond(EmbedResponse);
        using var generator = new PineconeEmbeddingGenerator(Fixtures.Options(), new HttpClient(handler));

        await generator.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions
        {
            ModelId = "multilingual-e5-large",
            Dimensions = 384,
            AdditionalProperties = new() { [PineconePropertyNames.InputType] = PineconePropertyNames.Query, [PineconePropertyNames.Truncate] = "END" },
        }, Ct);

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_default_input_type_knob_applies_when_the_request_sets_none()
    {
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = """{"model":"llama-text-embed-v2","parameters":{"input_type":"query"},"inputs":[{"text":"a"},{"text":"b"}]}""" };
        handler.Respond(EmbedResponse);
        using var generator = new PineconeEmbeddingGenerator(Fixtures.Options(o => o.DefaultEmbeddingInputType = "query"), new HttpClient(handler));

        (await generator.GenerateAsync(["a", "b"], cancellationToken: Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_count_mismatch_is_an_invalid_response_and_sparse_models_are_not_supported()
    {
        var handler = new VerbatimHttpHandler().Respond(EmbedResponse).Respond("""{"model":"pinecone-sparse-english-v0","vector_type":"sparse","data":[],"usage":{}}""");
        using var generator = new PineconeEmbeddingGenerator(Fixtures.Options(), new HttpClient(handler));

        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateAsync(["only one"], cancellationToken: Ct));
        await Should.ThrowAsync<NotSupportedException>(() => generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { ModelId = "pinecone-sparse-english-v0" }, Ct));
    }

    [Fact]
    public async Task Rerank_sends_text_documents_and_returns_them_best_first_with_units()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/rerank",
            ExpectedRequestJson = """{"model":"bge-reranker-v2-m3","query":"capital of France","top_n":2,"return_documents":false,"documents":[{"text":"Bananas"},{"text":"Paris"},{"text":"Lyon"}]}""",
        };
        handler.Respond("""{"model":"bge-reranker-v2-m3","data":[{"index":2,"score":0.4},{"index":1,"score":0.97}],"usage":{"rerank_units":1}}""");
        using var rerank = new PineconeRerankClient(Fixtures.Options(), new HttpClient(handler));

        var result = await rerank.RerankAsync("capital of France", ["Bananas", "Paris", "Lyon"], new RerankOptions { TopN = 2 }, Ct);

        result.Results.Select(r => (r.Index, r.Document)).ShouldBe([(1, "Paris"), (2, "Lyon")]);
        result.Results[0].RelevanceScore.ShouldBe(0.97);
        result.ModelId.ShouldBe("bge-reranker-v2-m3");
        result.Usage!.AdditionalCounts![PineconePropertyNames.RerankUnitsUsageKey].ShouldBe(1);
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("pinecone");
    }

    [Fact]
    public async Task Rerank_with_no_documents_sends_nothing_and_an_index_outside_is_invalid()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"model":"m","data":[{"index":5,"score":0.4}],"usage":{}}""");
        using var rerank = new PineconeRerankClient(Fixtures.Options(), new HttpClient(handler));

        (await rerank.RerankAsync("q", [], cancellationToken: Ct)).Results.ShouldBeEmpty();
        handler.Requests.ShouldBeEmpty();
        await Should.ThrowAsync<InvalidResponseException>(() => rerank.RerankAsync("q", ["a"], cancellationToken: Ct));
    }

    [Fact]
    public async Task Inference_errors_are_typed()
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"error":{"code":"RESOURCE_EXHAUSTED","message":"Too many requests"},"status":429}""", HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "3" })
            .Respond("""{"error":{"code":"INVALID_ARGUMENT","message":"Bad request."},"status":400}""", HttpStatusCode.BadRequest);
        using var rerank = new PineconeRerankClient(Fixtures.Options(), new HttpClient(handler));

        (await Should.ThrowAsync<RateLimitedException>(() => rerank.RerankAsync("q", ["a"], cancellationToken: Ct))).RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        (await Should.ThrowAsync<AssistantProviderException>(() => rerank.RerankAsync("q", ["a"], cancellationToken: Ct))).ErrorCode.ShouldBe("INVALID_ARGUMENT");
    }
}
