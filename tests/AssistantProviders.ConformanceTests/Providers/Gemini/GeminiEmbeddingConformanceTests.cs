// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Gemini;

public sealed class GeminiEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "gemini";

    // embedContent / batchEmbedContents report no token usage.
    protected override bool ReportsUsage => false;

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new GeminiEmbeddingGenerator(new GeminiClientOptions { ApiKey = apiKey, Endpoint = emulator.GeminiEndpoint });
}
