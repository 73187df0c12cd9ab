// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mlx;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.Mlx;

public sealed class MlxOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "mlx";

    // A local server: no key is needed, and none is sent without one.
    protected override string? ApiKeyEnvironmentVariable => null;

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new MlxChatClient(new MlxClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
