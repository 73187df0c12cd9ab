// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Mistral;

public sealed class MistralEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "mistral";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new MistralEmbeddingGenerator(new MistralClientOptions { ApiKey = apiKey, Endpoint = emulator.MistralEndpoint });
}
