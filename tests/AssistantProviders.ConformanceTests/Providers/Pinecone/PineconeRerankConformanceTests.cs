// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.Pinecone;

namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

public sealed class PineconeRerankConformanceTests(EmulatorFixture fixture) : RerankConformanceTests(fixture)
{
    protected override string ProviderId => "pinecone";

    protected override IRerankClient CreateRerankClient(EmulatorServer emulator, string apiKey) =>
        new PineconeRerankClient(new PineconeClientOptions { ApiKey = apiKey, Endpoint = emulator.PineconeEndpoint });
}
