// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceOpenAIWireConformanceTests : OpenAIWireChatConformanceTests
{
    protected override string ProviderId => "huggingface";


    protected override string? ApiKeyEnvironmentVariable => "HF_TOKEN";

    protected override IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new HuggingFaceChatClient(new HuggingFaceClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));
}
