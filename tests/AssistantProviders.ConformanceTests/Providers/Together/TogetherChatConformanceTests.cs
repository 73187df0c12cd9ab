// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "together";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new TogetherChatClient(new TogetherClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("together") });
}
