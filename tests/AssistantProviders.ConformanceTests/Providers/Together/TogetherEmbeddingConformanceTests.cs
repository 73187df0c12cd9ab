// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "together";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new TogetherEmbeddingGenerator(new TogetherClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("together") });
}
