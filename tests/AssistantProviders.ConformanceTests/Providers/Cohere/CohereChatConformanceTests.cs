// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Cohere;

public sealed class CohereChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "cohere";

    protected override int StreamFramesBeforeText => 2;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new CohereChatClient(new CohereClientOptions { ApiKey = apiKey, Endpoint = emulator.CohereEndpoint });
}
