// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Perplexity;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.Perplexity;

public sealed class PerplexityOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "perplexity";


    protected override string? ApiKeyEnvironmentVariable => "PERPLEXITY_API_KEY";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new PerplexityChatClient(new PerplexityClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
