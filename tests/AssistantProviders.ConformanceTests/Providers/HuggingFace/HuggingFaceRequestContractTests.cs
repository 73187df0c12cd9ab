// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "huggingface";

    protected override string SpecFile => "chat-completion__input.json";

    protected override string EmbeddingSpecFile => "feature-extraction__input.json";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new HuggingFaceChatClient(new HuggingFaceClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new HuggingFaceEmbeddingGenerator(new HuggingFaceClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
