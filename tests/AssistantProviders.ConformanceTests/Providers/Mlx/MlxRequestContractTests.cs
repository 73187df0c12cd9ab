// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mlx;

namespace AssistantProviders.ConformanceTests.Providers.Mlx;

public sealed class MlxRequestContractTests : RequestContractTests
{
    // mlx-lm's server has no spec folder under ../shared/specs and publishes no OpenAPI file; it serves the OpenAI
    // chat-completions API (/v1/chat/completions), so the request bodies are validated against ../shared/specs/openai/openapi.yaml.
    protected override string SpecFolder => "openai";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new MlxChatClient(new MlxClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
