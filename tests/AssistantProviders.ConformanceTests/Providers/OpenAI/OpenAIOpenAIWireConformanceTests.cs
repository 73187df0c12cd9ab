// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAIOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "openai";


    protected override string? ApiKeyEnvironmentVariable => "OPENAI_API_KEY";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new OpenAIChatClient(new OpenAIClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
