// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Groq;

public sealed class GroqChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "groq";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new GroqChatClient(new GroqClientOptions { ApiKey = apiKey, Endpoint = emulator.GroqEndpoint });
}
