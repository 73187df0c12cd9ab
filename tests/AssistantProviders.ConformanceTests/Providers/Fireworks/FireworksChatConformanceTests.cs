// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Fireworks;

public sealed class FireworksChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "fireworks";

    // Fireworks qualifies bare model names (accounts/fireworks/models/{name}); the emulator echoes what it receives.
    protected override string ModelId => "accounts/fireworks/models/" + EmulatorDefaults.CheapModel;

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new FireworksChatClient(new FireworksClientOptions { ApiKey = apiKey, Endpoint = emulator.GetEndpoint("fireworks") });
}
