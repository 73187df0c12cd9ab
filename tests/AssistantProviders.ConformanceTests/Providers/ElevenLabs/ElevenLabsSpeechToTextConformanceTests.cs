// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ElevenLabs;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.ElevenLabs;

public sealed class ElevenLabsSpeechToTextConformanceTests(EmulatorFixture fixture) : SpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "elevenlabs";

    protected override string TranscriptionPath => "v1/speech-to-text";

    protected override ISpeechToTextClient CreateSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new ElevenLabsSpeechToTextClient(new ElevenLabsClientOptions { ApiKey = apiKey, Endpoint = emulator.ElevenLabsEndpoint });
}
