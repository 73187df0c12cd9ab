// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using AssistantProviders.Together;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherRequestContractTests : RequestContractTests
{
    protected override string SpecFolder => "together";

    protected override string SpecFile => "openapi.yaml";

    // Together's spec reuses its response ToolChoice schema (which requires "index") for the tool_calls of request assistant messages;
    // OpenAI-compatible requests carry no index there. Only that "required" entry is lifted.
    protected override string SpecPatchName => "together-request-tool-call-index";

    protected override void PatchSpec(JsonObject schema)
    {
        foreach (var (_, definition) in schema["$defs"]!.AsObject())
        {
            if (definition?["required"] is JsonArray required && definition["properties"]?["function"] is not null && definition["properties"]?["index"] is not null)
            {
                required.Remove(required.FirstOrDefault(r => r?.GetValue<string>() == "index"));
            }
        }
    }

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new TogetherChatClient(new TogetherClientOptions { ApiKey = "sk-contract-0123456789" }, http);

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(HttpClient http) =>
        new TogetherEmbeddingGenerator(new TogetherClientOptions { ApiKey = "sk-contract-0123456789" }, http);
}
