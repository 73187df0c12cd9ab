// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Cohere;

public sealed class CohereRerankConformanceTests(EmulatorFixture fixture) : RerankConformanceTests(fixture)
{
    protected override string ProviderId => "cohere";

    protected override IRerankClient CreateRerankClient(EmulatorServer emulator, string apiKey) =>
        new CohereRerankClient(new CohereClientOptions { ApiKey = apiKey, Endpoint = emulator.CohereEndpoint });
}
