// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.OpenAI.Tests;

public sealed class OpenAIEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embedding_Fixture_RequestAndMapping()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/embeddings",
            ExpectedRequestJson = """{"model":"text-embedding-3-small","input":["sunny day at the beach","rainy day in the city"],"dimensions":5,"encoding_format":"float"}""",
        }.Respond(RepoPaths.ReadFixture("openai", "embedding.json"));
        using var generator = new OpenAIEmbeddingGenerator(new OpenAIClientOptions { ApiKey = "sk-test-1234567890" }, new HttpClient(handler));

        var result = await generator.GenerateAsync(["sunny day at the beach", "rainy day in the city"], new EmbeddingGenerationOptions { Dimensions = 5 });

        result.Count.ShouldBe(2);
        result[0].Vector.ToArray().ShouldBe([0.0057293195f, -0.012727811f, 0.020042092f, -0.013437585f, 0.022833068f]);
        result[1].Vector.Span[0].ShouldBe(-0.037104916f);
        result[0].ModelId.ShouldBe("text-embedding-3-small");
        result.Usage!.InputTokenCount.ShouldBe(12);
        result.Usage.TotalTokenCount.ShouldBe(12);
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("openai");
        generator.GetService<EmbeddingGeneratorMetadata>()!.ProviderName.ShouldBe("openai");
    }

    [Fact]
    public async Task CountMismatch_IsInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("openai", "embedding.json"));
        using var generator = new OpenAIEmbeddingGenerator(new OpenAIClientOptions { ApiKey = "sk-test-1234567890" }, new HttpClient(handler));
        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateAsync(["only one"]));
    }
}
