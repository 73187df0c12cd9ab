// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.LMStudio;

public sealed class LMStudioEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "lmstudio";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new LMStudioEmbeddingGenerator(new LMStudioClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("lmstudio") });
}
