// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks;

namespace AssistantProviders.ConformanceTests.Providers.Fireworks;

public sealed class FireworksRequestContractTests : RequestContractTests
{
    // Fireworks publishes no OpenAPI file: ../shared/specs/fireworks/NOTES.md (read off its Stainless-generated SDK) documents
    // POST /inference/v1/chat/completions as OpenAI-compatible, with extras only in the responses. Its request bodies are therefore
    // validated against the OpenAI chat-completions contract in ../shared/specs/openai/openapi.yaml. The SDK lists no
    // embeddings endpoint; FireworksEmbeddingGenerator speaks OpenAI's /embeddings, so it is held to the same contract.
    protected override string SpecFolder => "openai";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new FireworksChatClient(new FireworksClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new FireworksEmbeddingGenerator(new FireworksClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
