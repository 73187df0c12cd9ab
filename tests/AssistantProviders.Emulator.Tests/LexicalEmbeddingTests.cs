// Licensed under the MIT License. See LICENSE in the project root.
using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using AssistantProviders.Emulator.Internal;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

/// <summary><see cref="EmulatorOptions.LexicalEmbeddings"/>: bag-of-words vectors, so texts that share words are near each other.</summary>
public sealed class LexicalEmbeddingTests
{
    private const string Query = "How does the router fail over between providers?";
    private const string Related = "The router fails over to the next provider when a provider fails.";
    private const string Unrelated = "Bananas are yellow and apples are red.";

    [Fact]
    public void LexicalEmbedding_IsUnitLength_Deterministic_AndNearerForSharedWords()
    {
        var query = Deterministic.LexicalEmbedding(Query, 256);
        var related = Deterministic.LexicalEmbedding(Related, 256);
        var unrelated = Deterministic.LexicalEmbedding(Unrelated, 256);

        Assert.Equal(256, query.Length);
        Assert.Equal(1.0, Math.Sqrt(TensorPrimitives.Dot(query, query)), 3);
        Assert.Equal(query, Deterministic.LexicalEmbedding(Query, 256));
        Assert.True(
            TensorPrimitives.CosineSimilarity(query, related) > TensorPrimitives.CosineSimilarity(query, unrelated) + 0.2f,
            "a text sharing words must be nearer than one sharing none");
    }

    [Fact]
    public void LexicalEmbedding_FoldsCaseAndPlurals()
    {
        Assert.Equal(Deterministic.LexicalEmbedding("Providers", 64), Deterministic.LexicalEmbedding("provider", 64));
    }

    [Fact]
    public void LexicalEmbedding_OfATextWithoutWords_IsTheHashedEmbedding()
    {
        Assert.Equal(Deterministic.Embedding("?!", 16), Deterministic.LexicalEmbedding("?!", 16));
    }

    [Fact]
    public async Task OpenAIEmbeddings_WithLexicalEmbeddings_AreBagOfWords_AndHashedByDefault()
    {
        var body = new JsonObject { ["model"] = "emu-embed", ["input"] = new JsonArray(Query, Related, Unrelated), ["dimensions"] = 256 }.ToJsonString();
        await using var lexical = await EmulatorServer.StartAsync(new EmulatorOptions { LexicalEmbeddings = true }, Ct);
        await using var hashed = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var lexicalClient = Client(lexical);
        using var hashedClient = Client(hashed);

        var fromLexical = Vectors(await PostJsonAsync(lexicalClient, "openai/v1/embeddings", body));
        var fromHashed = Vectors(await PostJsonAsync(hashedClient, "openai/v1/embeddings", body));

        Assert.Equal(Deterministic.LexicalEmbedding(Related, 256), fromLexical[1]);
        Assert.Equal(Deterministic.Embedding(Related, 256), fromHashed[1]);
        Assert.True(TensorPrimitives.CosineSimilarity(fromLexical[0], fromLexical[1]) > TensorPrimitives.CosineSimilarity(fromLexical[0], fromLexical[2]));
    }

    [Fact]
    public async Task CohereEmbed_WithLexicalEmbeddings_IsBagOfWords()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { LexicalEmbeddings = true, EmbeddingDimensions = 128 }, Ct);
        using var client = Client(server);
        var body = new JsonObject { ["model"] = "emu-embed", ["texts"] = new JsonArray(Related), ["input_type"] = "search_document", ["embedding_types"] = new JsonArray("float") };

        var json = await PostJsonAsync(client, "cohere/v2/embed", body.ToJsonString());

        var vector = json["embeddings"]!["float"]![0]!.AsArray().Select(v => (float)v!).ToArray();
        Assert.Equal(Deterministic.LexicalEmbedding(Related, 128), vector);
    }

    private static float[][] Vectors(JsonNode json) =>
        [.. json["data"]!.AsArray().Select(d => d!["embedding"]!.AsArray().Select(v => (float)v!).ToArray())];
}
