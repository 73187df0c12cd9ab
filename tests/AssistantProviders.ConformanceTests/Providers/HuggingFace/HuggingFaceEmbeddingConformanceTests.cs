// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "huggingface";

    protected override IReadOnlyDictionary<string, string> KnownEmulatorGaps { get; } = new Dictionary<string, string>
    {
        ["*"] = "HF embeddings use the feature-extraction pipeline ({base}{model}/pipeline/feature-extraction), which the emulator has no route for.",
    };

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new HuggingFaceEmbeddingGenerator(new HuggingFaceClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("huggingface"), FeatureExtractionEndpoint = new Uri(emulator.BaseAddress, "huggingface/hf-inference/models/") });
}
