// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama;

namespace AssistantProviders.ConformanceTests.Providers.Ollama;

public sealed class OllamaRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "ollama";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new OllamaChatClient(new OllamaClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new OllamaEmbeddingGenerator(new OllamaClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
