// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.Fireworks;

public sealed class FireworksOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "fireworks";


    protected override string? ApiKeyEnvironmentVariable => "FIREWORKS_API_KEY";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new FireworksChatClient(new FireworksClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
