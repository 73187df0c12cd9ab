// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.LMStudio;

public sealed class LMStudioOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "lmstudio";

    // A local server: no key is needed, and none is sent without one.
    protected override string? ApiKeyEnvironmentVariable => null;

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new LMStudioChatClient(new LMStudioClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
