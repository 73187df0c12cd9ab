// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Perplexity;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Perplexity;

public sealed class PerplexityChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "perplexity";

    protected override bool SupportsTools => false;

    protected override bool ModelListingIsLive => false;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new PerplexityChatClient(new PerplexityClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("perplexity") });
}
