// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.HuggingFace;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.HuggingFace.Tests;

public sealed class HuggingFaceEmbeddingGeneratorTests
{
    private const string Key = "hf_test_token_0123456789";

    private static HuggingFaceEmbeddingGenerator Create(VerbatimHttpHandler handler, Uri? pipeline = null) =>
        new(new HuggingFaceClientOptions { ApiKey = Key, FeatureExtractionEndpoint = pipeline ?? new Uri("https://router.huggingface.co/hf-inference/models/") }, new HttpClient(handler));

    [Fact]
    public async Task FeatureExtractionTape_SingleInputFlatArray_IsOneVector()
    {
        using var tape = JsonDocument.Parse(RepoPaths.ReadFixture("huggingface", "feature-extraction.tape.json"));
        var body = tape.RootElement.GetProperty("response").GetProperty("body").GetString()!;
        var expectedLength = JsonDocument.Parse(body).RootElement.GetArrayLength();
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedRequestJson = """{"inputs":["That is a happy person"]}""",
        }.Respond(body);
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Key;
        using var generator = Create(handler);

        var result = await generator.GenerateAsync(["That is a happy person"], new EmbeddingGenerationOptions { ModelId = "sentence-transformers/paraphrase-xlm-r-multilingual-v1" }, TestContext.Current.CancellationToken);

        Assert.Equal(
            "https://router.huggingface.co/hf-inference/models/sentence-transformers/paraphrase-xlm-r-multilingual-v1/pipeline/feature-extraction",
            handler.Requests[0].Uri.AbsoluteUri);
        var embedding = Assert.Single(result);
        Assert.Equal(expectedLength, embedding.Vector.Length);
        Assert.Equal(0.2482035607099533f, embedding.Vector.Span[0]);
        Assert.Equal("huggingface", result.AdditionalProperties?[AssistantProviderProperties.Provider]);
    }

    [Fact]
    public async Task Batch_NestedArrays_DefaultModel_AndKnobs()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"inputs":["a","b"],"normalize":false,"prompt_name":"query"}""",
        }.Respond("[[1,2,3],[4,5,6]]");
        using var generator = Create(handler);

        var result = await generator.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions
        {
            AdditionalProperties = new() { [HuggingFacePropertyNames.Normalize] = false, [HuggingFacePropertyNames.PromptName] = "query" },
        }, TestContext.Current.CancellationToken);

        Assert.EndsWith("/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction", handler.Requests[0].Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal([4f, 5f, 6f], result[1].Vector.ToArray());
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", result[0].ModelId);
    }

    [Fact]
    public async Task TokenLevelVectors_AreMeanPooled()
    {
        var handler = new VerbatimHttpHandler().Respond("[[[1,2],[3,6]]]");
        using var generator = Create(handler);

        var result = await generator.GenerateAsync(["x"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([2f, 4f], result[0].Vector.ToArray());
    }

    [Theory]
    [InlineData("[[1,2]]")]
    [InlineData("{\"error\":null}")]
    [InlineData("[[\"a\",\"b\"],[1,2]]")]
    public async Task WrongShape_IsInvalidResponse(string body)
    {
        var handler = new VerbatimHttpHandler().Respond(body);
        using var generator = Create(handler);

        await Assert.ThrowsAsync<InvalidResponseException>(() => generator.GenerateAsync(["a", "b"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ModelLoading503_IsTransient()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":"Model is currently loading","estimated_time":20.0}""", System.Net.HttpStatusCode.ServiceUnavailable);
        using var generator = Create(handler);

        var ex = await Assert.ThrowsAsync<AssistantProviderException>(() => generator.GenerateAsync(["a"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public void PlainHttpPipelineEndpoint_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Create(new VerbatimHttpHandler(), new Uri("http://example.com/models/")));
    }

    [Fact]
    public void Metadata_ReportsProviderAndPipelineBase()
    {
        using var generator = Create(new VerbatimHttpHandler(), new Uri("https://hf.example/models"));

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("huggingface", metadata?.ProviderName);
        Assert.Equal(new Uri("https://hf.example/models/"), metadata?.ProviderUri);
    }
}
