// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "huggingface";

    // The feature-extraction pipeline reports no token usage and has no output-size knob.
    protected override bool ReportsUsage => false;

    protected override bool SupportsDimensions => false;

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new HuggingFaceEmbeddingGenerator(new HuggingFaceClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("huggingface"), FeatureExtractionEndpoint = emulator.HuggingFaceFeatureExtractionEndpoint });
}
