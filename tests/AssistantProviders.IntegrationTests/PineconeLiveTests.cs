// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Pinecone;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Real Pinecone calls, skipped without <c>PINECONE_API_KEY</c>: the model list and index list (free), one embedding of two
/// short passages and one rerank of three documents (a fraction of a cent). No index is created: serverless index creation takes
/// minutes and is billed, so the vector store itself is covered by the conformance suite on the emulator.
/// </summary>
[Trait("Category", "Live")]
public sealed class PineconeLiveTests
{
    private static PineconeClientOptions Options()
    {
        var key = LiveSettings.Get("PINECONE_API_KEY");
        if (key is null)
        {
            Assert.Skip("PINECONE_API_KEY not set");
        }

        var options = new PineconeClientOptions { ApiKey = key, Timeout = TimeSpan.FromSeconds(60) };
        if (LiveProviders.Endpoint("PINECONE_BASE_URL") is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return options;
    }

    [Fact]
    public async Task Models_Embed_AndRerank_AnswerWithUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options();
        using var embedder = new PineconeEmbeddingGenerator(options);
        var models = await embedder.ListModelsAsync(ct);
        models.ShouldContain(m => m.ModelId == "llama-text-embed-v2");
        using var store = new PineconeVectorStore(options);
        _ = await store.ListCollectionNamesAsync(ct).ToListAsync(ct);

        var embeddings = await embedder.GenerateAsync(["risotto with rice", "pasta with sauce"], cancellationToken: ct);
        embeddings.Count.ShouldBe(2);
        embeddings[0].Vector.Length.ShouldBeGreaterThan(0);
        embeddings.Usage.ShouldNotBeNull().InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);

        using var reranker = new PineconeRerankClient(options);
        var ranked = await reranker.RerankAsync("How do I cook rice?", ["The stock market fell.", "Simmer rice in broth for risotto.", "Cats sleep a lot."], cancellationToken: ct);
        ranked.Results[0].Index.ShouldBe(1);
    }
}
