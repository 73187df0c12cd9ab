// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    private const string UsageGap = "Together sends usage on the final stream chunk without stream_options; the emulator's generic OpenAI wire only sends usage when include_usage is requested.";

    protected override string ProviderId => "together";

    protected override IReadOnlyDictionary<string, string> KnownEmulatorGaps { get; } = new Dictionary<string, string>
    {
        [nameof(Streaming_ReturnsTextInSeveralUpdates_EndsNormally_UsageExactlyOnce)] = UsageGap,
        [nameof(Streaming_And_NonStreaming_ReportTheSameUsage)] = UsageGap,
    };

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new TogetherChatClient(new TogetherClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("together") });
}
