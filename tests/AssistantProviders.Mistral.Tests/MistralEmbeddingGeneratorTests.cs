// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Mistral.Tests;

public sealed class MistralEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embedding_Fixture_VerbatimRequestAndVectors()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/embeddings",
            ExpectedRequestJson = """{"model":"mistral-embed","input":["sunny day","rainy day"],"encoding_format":"float","output_dimension":5}""",
        }.Respond(RepoPaths.ReadFixture("mistral", "embedding.json"));
        using var generator = new MistralEmbeddingGenerator(new MistralClientOptions { ApiKey = "k" }, new HttpClient(handler));

        var result = await generator.GenerateAsync(["sunny day", "rainy day"], new EmbeddingGenerationOptions { Dimensions = 5 }, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Count);
        Assert.Equal([0.1f, 0.2f, 0.3f, 0.4f, 0.5f], result[0].Vector.ToArray());
        Assert.Equal(1.0f, result[1].Vector.Span[4]);
        Assert.Equal("mistral-embed", result[0].ModelId);
        Assert.Equal(8, result.Usage?.InputTokenCount);
        Assert.Equal("mistral", generator.GetService<EmbeddingGeneratorMetadata>()?.ProviderName);
    }
}
