// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Fireworks;

public sealed class FireworksChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    private const string UsageGap = "Fireworks sends usage on the final stream chunk without stream_options; the emulator's generic OpenAI wire only sends usage when include_usage is requested.";

    protected override string ProviderId => "fireworks";

    // Fireworks qualifies bare model names (accounts/fireworks/models/{name}); the emulator echoes what it receives.
    protected override string ModelId => "accounts/fireworks/models/" + EmulatorDefaults.CheapModel;

    protected override IReadOnlyDictionary<string, string> KnownEmulatorGaps { get; } = new Dictionary<string, string>
    {
        [nameof(Streaming_ReturnsTextInSeveralUpdates_EndsNormally_UsageExactlyOnce)] = UsageGap,
        [nameof(Streaming_And_NonStreaming_ReportTheSameUsage)] = UsageGap,
        [nameof(ListModels_ReturnsTheVendorsModels)] = "Fireworks lists models at /v1/accounts/fireworks/models on the host root, outside the emulator's /fireworks/v1/ prefix.",
    };

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new FireworksChatClient(new FireworksClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("fireworks") });
}
