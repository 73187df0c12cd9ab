// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Tests;

public sealed class OllamaEmbeddingGeneratorTests
{
    [Fact]
    public async Task Generate_sends_exact_request_and_maps_recorded_answer()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedPath = "/api/embed",
            ExpectedRequestJson = """{"model":"all-minilm","input":["Why is the sky blue?"],"dimensions":10,"truncate":false,"keep_alive":"2m"}""",
        }.Respond(Fixtures.Read("embed.json"));
        using var generator = Fixtures.Embeddings(handler);

        var result = await generator.GenerateAsync(
            ["Why is the sky blue?"],
            new EmbeddingGenerationOptions
            {
                ModelId = "all-minilm",
                Dimensions = 10,
                AdditionalProperties = new() { [OllamaPropertyNames.Truncate] = false, [OllamaPropertyNames.KeepAlive] = "2m" },
            },
            TestContext.Current.CancellationToken);

        var embedding = result.ShouldHaveSingleItem();
        embedding.Vector.Length.ShouldBe(10);
        embedding.Vector.Span[0].ShouldBe(0.010071029f);
        embedding.Vector.Span[9].ShouldBe(0.031952348f);
        embedding.ModelId.ShouldBe("all-minilm");
        result.Usage!.InputTokenCount.ShouldBe(8);
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("ollama");
        result.AdditionalProperties[OllamaPropertyNames.TotalDuration].ShouldBe(TimeSpan.FromTicks(14143917 / 100));
    }

    [Fact]
    public async Task Default_embedding_model_is_used()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"nomic-embed-text","input":["a"]}""",
        }.Respond(Fixtures.Read("embed.json"));
        using var generator = Fixtures.Embeddings(handler);

        await generator.GenerateAsync(["a"], cancellationToken: TestContext.Current.CancellationToken);
        generator.GetService<EmbeddingGeneratorMetadata>()!.ProviderName.ShouldBe("ollama");
        generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.ShouldBe("nomic-embed-text");
    }

    [Fact]
    public async Task Count_mismatch_is_invalid_response()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("embed.json"));
        using var generator = Fixtures.Embeddings(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateAsync(["a", "b"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Error_body_maps_to_typed_exception()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":"model \"nope\" not found, try pulling it first"}""", HttpStatusCode.NotFound);
        using var generator = Fixtures.Embeddings(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateAsync(["a"], cancellationToken: TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
    }

    [Fact]
    public async Task Context_too_long_maps_to_context_length()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":"the input length exceeds the context window"}""", HttpStatusCode.BadRequest);
        using var generator = Fixtures.Embeddings(handler);

        await Should.ThrowAsync<ContextLengthExceededException>(() => generator.GenerateAsync(["a"], cancellationToken: TestContext.Current.CancellationToken));
    }
}
