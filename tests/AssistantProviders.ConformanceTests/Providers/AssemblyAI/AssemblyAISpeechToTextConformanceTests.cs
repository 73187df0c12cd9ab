// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AssemblyAI;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.AssemblyAI;

public sealed class AssemblyAISpeechToTextConformanceTests(EmulatorFixture fixture) : SpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "assemblyai";

    protected override string TranscriptionPath => "v2/transcript/";

    protected override ISpeechToTextClient CreateSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new AssemblyAISpeechToTextClient(new AssemblyAIClientOptions { ApiKey = apiKey, Endpoint = emulator.AssemblyAIEndpoint, PollInterval = TimeSpan.FromMilliseconds(10) });
}
