// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Deepgram;

public sealed class DeepgramStreamingSpeechToTextConformanceTests(EmulatorFixture fixture) : StreamingSpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "deepgram";

    protected override string SocketPath => "v1/listen";

    protected override string? PartialTranscriptKey => DeepgramPropertyNames.PartialTranscript;

    protected override ISpeechToTextClient CreateStreamingSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = apiKey, Endpoint = emulator.DeepgramEndpoint });
}
