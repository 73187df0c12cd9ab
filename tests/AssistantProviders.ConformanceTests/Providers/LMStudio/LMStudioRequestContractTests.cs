// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio;

namespace AssistantProviders.ConformanceTests.Providers.LMStudio;

public sealed class LMStudioRequestContractTests : RequestContractTests
{
    // LM Studio publishes no OpenAPI file: its official docs in ../shared/specs/lmstudio/ (3_openai-compat__*.md) define
    // /v1/chat/completions and /v1/embeddings by reference to the OpenAI API. The request bodies are therefore validated against the
    // OpenAI contract in ../shared/specs/openai/openapi.yaml.
    protected override string SpecFolder => "openai";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new LMStudioChatClient(new LMStudioClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new LMStudioEmbeddingGenerator(new LMStudioClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
