// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.LMStudio;

public sealed class LMStudioChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "lmstudio";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new LMStudioChatClient(new LMStudioClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("lmstudio") });
}
