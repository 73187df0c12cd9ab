// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Mistral;

public sealed class MistralChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "mistral";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new MistralChatClient(new MistralClientOptions { ApiKey = apiKey, Endpoint = emulator.MistralEndpoint });
}
