// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AssemblyAI;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.AssemblyAI;

public sealed class AssemblyAIStreamingSpeechToTextConformanceTests(EmulatorFixture fixture) : StreamingSpeechToTextConformanceTests(fixture)
{
    protected override string ProviderId => "assemblyai";

    protected override string SocketPath => "v3/ws";

    protected override string? PartialTranscriptKey => AssemblyAIPropertyNames.PartialTranscript;

    protected override ISpeechToTextClient CreateStreamingSpeechToTextClient(EmulatorServer emulator, string apiKey) =>
        new AssemblyAISpeechToTextClient(new AssemblyAIClientOptions { ApiKey = apiKey, Endpoint = emulator.AssemblyAIEndpoint });

    protected override SpeechToTextOptions CreateLiveOptions() =>
        new() { AdditionalProperties = new() { [AssemblyAIPropertyNames.Live] = true } };
}
