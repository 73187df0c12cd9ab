// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Tests;

public sealed class GeminiEmbeddingGeneratorTests
{
    [Fact]
    public async Task One_input_uses_embedContent_with_task_type_and_dimensions()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1beta/models/gemini-embedding-001:embedContent",
            ExpectedRequestJson = """{"content":{"parts":[{"text":"sunny day"}]},"taskType":"RETRIEVAL_QUERY","outputDimensionality":5}""",
        };
        handler.ExpectedHeaders["x-goog-api-key"] = Fixtures.Key;
        handler.Respond(Fixtures.Read("embed-content.json"));
        using var generator = Fixtures.Embeddings(handler);

        var result = await generator.GenerateAsync(
            ["sunny day"],
            new EmbeddingGenerationOptions { Dimensions = 5, AdditionalProperties = new() { [GeminiPropertyNames.TaskType] = "RETRIEVAL_QUERY" } },
            TestContext.Current.CancellationToken);

        result.ShouldHaveSingleItem().Vector.ToArray().ShouldBe([0.1f, 0.2f, 0.3f, 0.4f, 0.5f]);
        result[0].ModelId.ShouldBe("gemini-embedding-001");
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("gemini");
        handler.Requests.Single().Uri.Query.ShouldNotContain("key=");
    }

    [Fact]
    public async Task Several_inputs_use_batchEmbedContents_in_order()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1beta/models/text-embedding-004:batchEmbedContents",
            ExpectedRequestJson = """
            {"requests":[
              {"model":"models/text-embedding-004","content":{"parts":[{"text":"a"}]},"taskType":"RETRIEVAL_DOCUMENT"},
              {"model":"models/text-embedding-004","content":{"parts":[{"text":"b"}]},"taskType":"RETRIEVAL_DOCUMENT"}
            ]}
            """,
        };
        handler.Respond(Fixtures.Read("batch-embed-contents.json"));
        using var generator = Fixtures.Embeddings(handler, o => o.DefaultEmbeddingTaskType = "RETRIEVAL_DOCUMENT");

        var result = await generator.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions { ModelId = "text-embedding-004" }, TestContext.Current.CancellationToken);

        result.Count.ShouldBe(2);
        result[0].Vector.ToArray().ShouldBe([0.1f, 0.2f, 0.3f, 0.4f, 0.5f]);
        result[1].Vector.ToArray().ShouldBe([0.6f, 0.7f, 0.8f, 0.9f, 1.0f]);
    }

    [Fact]
    public async Task A_count_mismatch_is_an_invalid_response()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("batch-embed-contents.json"));
        using var generator = Fixtures.Embeddings(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateAsync(["a", "b", "c"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rate_limit_fixture_maps_for_embeddings_too()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-429-retry-info.json"), HttpStatusCode.TooManyRequests);
        using var generator = Fixtures.Embeddings(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => generator.GenerateAsync(["a"], cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(34.4));
    }

    [Fact]
    public void Metadata_reports_provider_and_default_embedding_model()
    {
        using var generator = Fixtures.Embeddings(new VerbatimHttpHandler());

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("gemini");
        metadata.DefaultModelId.ShouldBe("gemini-embedding-001");
    }
}
