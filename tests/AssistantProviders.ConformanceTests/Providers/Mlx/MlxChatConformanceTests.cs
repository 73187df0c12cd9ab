// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mlx;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Mlx;

public sealed class MlxChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture)
{
    protected override string ProviderId => "mlx";

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey) =>
        new MlxChatClient(new MlxClientOptions { ApiKey = apiKey, Endpoint = emulator.GetOpenAICompatibleEndpoint("mlx") });
}
