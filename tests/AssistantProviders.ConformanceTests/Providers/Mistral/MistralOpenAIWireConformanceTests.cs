// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.Mistral;

public sealed class MistralOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "mistral";


    protected override string? ApiKeyEnvironmentVariable => "MISTRAL_API_KEY";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new MistralChatClient(new MistralClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
