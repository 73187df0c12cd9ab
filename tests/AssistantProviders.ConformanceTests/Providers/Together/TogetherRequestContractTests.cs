// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "together";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new TogetherChatClient(new TogetherClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new TogetherEmbeddingGenerator(new TogetherClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
