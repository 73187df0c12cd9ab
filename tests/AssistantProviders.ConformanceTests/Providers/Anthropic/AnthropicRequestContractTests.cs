// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic;

namespace AssistantProviders.ConformanceTests.Providers.Anthropic;

public sealed class AnthropicRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "anthropic";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new AnthropicChatClient(new AnthropicClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
