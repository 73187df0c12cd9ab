// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.Groq;

namespace AssistantProviders.ConformanceTests.Providers.Groq;

public sealed class GroqSpeechToTextConformanceTests(EmulatorFixture fixture) : SpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "groq";

    protected override ISpeechToTextClient CreateSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new GroqSpeechToTextClient(new GroqClientOptions { ApiKey = apiKey, Endpoint = emulator.GroqEndpoint });
}
