// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.OpenAI;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAISpeechToTextConformanceTests(EmulatorFixture fixture) : SpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "openai";

    protected override ISpeechToTextClient CreateSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new OpenAISpeechToTextClient(new OpenAIClientOptions { ApiKey = apiKey, Endpoint = emulator.OpenAIEndpoint });
}
