// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Gemini;

public sealed class GeminiChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "gemini";

    protected override int StreamFramesBeforeText => 0;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new GeminiChatClient(new GeminiClientOptions { ApiKey = apiKey, Endpoint = emulator.GeminiEndpoint });
}
