// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.OpenAI;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAIEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "openai";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new OpenAIEmbeddingGenerator(new OpenAIClientOptions { ApiKey = apiKey, Endpoint = emulator.OpenAIEndpoint });
}
