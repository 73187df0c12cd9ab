// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.OpenAI;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAITextToSpeechConformanceTests(EmulatorFixture fixture) : TextToSpeechConformanceTests(fixture)
{
    protected override string ProviderId => "openai";

    protected override string VoiceId => "nova";

    protected override string AlternateAudioFormat => "wav";

    protected override string AlternateMediaType => "audio/wav";

    protected override string SpeechPath => "audio/speech";

    protected override ITextToSpeechClient CreateTextToSpeechClient(EmulatorServer emulator, string apiKey) =>
        new OpenAITextToSpeechClient(new OpenAIClientOptions { ApiKey = apiKey, Endpoint = emulator.OpenAIEndpoint });
}
