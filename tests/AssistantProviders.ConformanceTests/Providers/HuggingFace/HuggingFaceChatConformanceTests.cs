// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "huggingface";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new HuggingFaceChatClient(new HuggingFaceClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("huggingface") });
}
