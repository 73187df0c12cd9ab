// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "huggingface";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new HuggingFaceEmbeddingGenerator(new HuggingFaceClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("huggingface") });
}
