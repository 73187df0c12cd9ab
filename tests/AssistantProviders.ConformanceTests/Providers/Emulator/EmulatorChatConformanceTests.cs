// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Emulator;

public sealed class EmulatorChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "emulator";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new EmulatorChatClient(new EmulatorClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("emulator") });
}
