// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.OpenAI;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAIChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "openai";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new OpenAIChatClient(new OpenAIClientOptions { ApiKey = apiKey, Endpoint = emulator.OpenAIEndpoint });
}
