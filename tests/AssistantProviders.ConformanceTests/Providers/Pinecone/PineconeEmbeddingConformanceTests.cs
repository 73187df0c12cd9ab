// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.Pinecone;

namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

public sealed class PineconeEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture)
{
    protected override string ProviderId => "pinecone";

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey) =>
        new PineconeEmbeddingGenerator(new PineconeClientOptions { ApiKey = apiKey, Endpoint = emulator.PineconeEndpoint });
}
