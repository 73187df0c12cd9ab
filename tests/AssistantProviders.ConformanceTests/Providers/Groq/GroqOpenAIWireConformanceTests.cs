// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.Groq;

public sealed class GroqOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "groq";


    protected override string? ApiKeyEnvironmentVariable => "GROQ_API_KEY";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new GroqChatClient(new GroqClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
