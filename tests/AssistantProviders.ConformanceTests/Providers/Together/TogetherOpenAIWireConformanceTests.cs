// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "together";


    protected override string? ApiKeyEnvironmentVariable => "TOGETHER_API_KEY";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new TogetherChatClient(new TogetherClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
