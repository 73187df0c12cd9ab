// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Ollama;

public sealed class OllamaEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "ollama";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new OllamaEmbeddingGenerator(new OllamaClientOptions { ApiKey = apiKey, Endpoint = emulator.OllamaEndpoint });
}
