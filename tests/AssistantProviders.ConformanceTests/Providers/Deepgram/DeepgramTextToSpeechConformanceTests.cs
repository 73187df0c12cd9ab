// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Deepgram;

public sealed class DeepgramTextToSpeechConformanceTests(EmulatorFixture fixture) : TextToSpeechConformanceTests(fixture)
{
    protected override string ProviderId => "deepgram";

    protected override string VoiceId => "aura-2-apollo-en";

    protected override string AlternateAudioFormat => "linear16";

    protected override string AlternateMediaType => "audio/wav";

    protected override string SpeechPath => "v1/speak";

    protected override ITextToSpeechClient CreateTextToSpeechClient(EmulatorServer emulator, string apiKey) =>
        new DeepgramTextToSpeechClient(new DeepgramClientOptions { ApiKey = apiKey, Endpoint = emulator.DeepgramEndpoint });
}
