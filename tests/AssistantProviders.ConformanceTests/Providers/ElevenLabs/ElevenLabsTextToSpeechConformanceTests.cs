// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ElevenLabs;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.ElevenLabs;

public sealed class ElevenLabsTextToSpeechConformanceTests(EmulatorFixture fixture) : TextToSpeechConformanceTests(fixture)
{
    protected override string ProviderId => "elevenlabs";

    protected override string VoiceId => "21m00Tcm4TlvDq8ikWAM";

    protected override string AlternateAudioFormat => "pcm_16000";

    protected override string AlternateMediaType => "audio/pcm";

    protected override string SpeechPath => "v1/text-to-speech/";

    protected override ITextToSpeechClient CreateTextToSpeechClient(EmulatorServer emulator, string apiKey) =>
        new ElevenLabsTextToSpeechClient(new ElevenLabsClientOptions { ApiKey = apiKey, Endpoint = emulator.ElevenLabsEndpoint });
}
