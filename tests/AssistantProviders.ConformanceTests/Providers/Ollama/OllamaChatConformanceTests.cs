// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Ollama;

public sealed class OllamaChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "ollama";

    protected override int StreamFramesBeforeText => 0;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new OllamaChatClient(new OllamaClientOptions { ApiKey = apiKey, Endpoint = emulator.OllamaEndpoint });
}
