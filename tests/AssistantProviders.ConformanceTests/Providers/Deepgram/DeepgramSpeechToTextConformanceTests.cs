// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Deepgram;

public sealed class DeepgramSpeechToTextConformanceTests(EmulatorFixture fixture) : SpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "deepgram";

    protected override string TranscriptionPath => "v1/listen";

    protected override ISpeechToTextClient CreateSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = apiKey, Endpoint = emulator.DeepgramEndpoint });
}
