// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Cohere;

public sealed class CohereEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "cohere";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new CohereEmbeddingGenerator(new CohereClientOptions { ApiKey = apiKey, Endpoint = emulator.CohereEndpoint });
}
