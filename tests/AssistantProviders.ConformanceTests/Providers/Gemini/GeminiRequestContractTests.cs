// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini;

namespace AssistantProviders.ConformanceTests.Providers.Gemini;

public sealed class GeminiRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "gemini";

    protected override string SpecFile => "generativelanguage-v1beta-discovery.json";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new GeminiChatClient(new GeminiClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new GeminiEmbeddingGenerator(new GeminiClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
