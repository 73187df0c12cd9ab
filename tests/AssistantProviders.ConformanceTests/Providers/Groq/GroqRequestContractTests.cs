// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq;

namespace AssistantProviders.ConformanceTests.Providers.Groq;

public sealed class GroqRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "groq";

    protected override string SpecFile => "openapi.yaml";

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new GroqChatClient(new GroqClientOptions { ApiKey = "gsk-contract-0123456789" }, http);
}
