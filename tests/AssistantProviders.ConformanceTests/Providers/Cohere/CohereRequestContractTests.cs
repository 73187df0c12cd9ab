// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Cohere;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests.Providers.Cohere;

public sealed class CohereRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "cohere";

    protected override string SpecFile => "cohere-openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new CohereChatClient(Options(), http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new CohereEmbeddingGenerator(Options(), http);

    [Fact]
    public async Task Rerank_RequestBody_MatchesTheSpec()
    {
        var validator = OpenApiRequestValidator.ForProvider(SpecFolder, SpecFile);
        var handler = new VerbatimHttpHandler().Respond("""{"message":"contract test"}""", HttpStatusCode.BadRequest);
        using var http = new HttpClient(handler);
        using var client = new CohereRerankClient(Options(), http);

        await Should.ThrowAsync<AssistantProviderException>(() => client.RerankAsync("capital of France", ["Paris", "Bananas"], new RerankOptions { ModelId = "rerank-v3.5", TopN = 1 }));

        validator.AssertValid(handler.Requests.ShouldHaveSingleItem());
    }

    private static CohereClientOptions Options() => new() { ApiKey = "co-contract-0123456789" };
}
