// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral;

namespace AssistantProviders.ConformanceTests.Providers.Mistral;

public sealed class MistralRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "mistral";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new MistralChatClient(new MistralClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new MistralEmbeddingGenerator(new MistralClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
