// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Perplexity;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Perplexity;

public sealed class PerplexityChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    private const string UsageGap = "Perplexity sends usage on the final stream chunk without stream_options; the emulator's generic OpenAI wire only sends usage when include_usage is requested.";

    protected override string ProviderId => "perplexity";

    protected override IReadOnlyDictionary<string, string> KnownEmulatorGaps { get; } = new Dictionary<string, string>
    {
        [nameof(Streaming_ReturnsTextInSeveralUpdates_EndsNormally_UsageExactlyOnce)] = UsageGap,
        [nameof(Streaming_And_NonStreaming_ReportTheSameUsage)] = UsageGap,
    };

    protected override bool SupportsTools => false;

    protected override bool ModelListingIsLive => false;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new PerplexityChatClient(new PerplexityClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("perplexity") });
}
