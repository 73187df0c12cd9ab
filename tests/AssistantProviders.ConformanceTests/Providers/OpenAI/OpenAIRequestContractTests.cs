// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAIRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "openai";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new OpenAIChatClient(new OpenAIClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new OpenAIEmbeddingGenerator(new OpenAIClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
