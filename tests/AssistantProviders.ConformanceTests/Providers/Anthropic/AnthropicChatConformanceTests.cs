// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Anthropic;

public sealed class AnthropicChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "anthropic";

    // Anthropic has no schemaless JSON mode (only output_format with a schema).
    protected override bool SupportsJsonMode => false;

    protected override int StreamFramesBeforeText => 3;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new AnthropicChatClient(new AnthropicClientOptions { ApiKey = apiKey, Endpoint = emulator.AnthropicEndpoint });
}
