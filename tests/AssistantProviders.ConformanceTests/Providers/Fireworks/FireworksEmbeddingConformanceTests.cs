// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Fireworks;

public sealed class FireworksEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "fireworks";

    protected override string ModelId => "accounts/fireworks/models/" + EmulatorDefaults.EmbeddingModel;

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new FireworksEmbeddingGenerator(new FireworksClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("fireworks") });
}
