// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Fireworks;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.Fireworks.Tests;

public sealed class FireworksChatClientTests
{
    private static FireworksChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new FireworksChatClient(new FireworksClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));

    [Fact]
    public async Task ChatTape_ShortModelIdIsExpanded_Verbatim()
    {
        var (request, response, _) = ReadTape("fireworks", "chat.tape.json");
        var handler = new VerbatimHttpHandler { ExpectedPath = "/inference/v1/chat/completions", ExpectedRequestJson = request }.Respond(response);
        using var client = CreateChatClient(handler);

        var result = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Complete this sentence with words, one plus one is equal ")], new ChatOptions { ModelId = "deepseek-r1" }, TestContext.Current.CancellationToken);

        Assert.Contains("One plus one is equal to **two**", result.Text, StringComparison.Ordinal);
        Assert.Equal("accounts/fireworks/models/deepseek-r1", result.ModelId);
        Assert.Equal(432, result.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task StreamTape_Verbatim_TextAndUsageOnce()
    {
        var (request, _, _) = ReadTape("fireworks", "stream.tape.json");
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = request }.RespondSse(RepoPaths.ReadFixture("fireworks", "stream.sse"));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.User, "Say this is a test")], new ChatOptions { ModelId = "accounts/fireworks/models/deepseek-r1" }, TestContext.Current.CancellationToken));

        Assert.EndsWith(" need anything else!", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(8, usage.Details.InputTokenCount);
        Assert.Equal(434, usage.Details.OutputTokenCount);
    }

    [Fact]
    public async Task DefaultModel_IsTheFullResourceName()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"accounts/fireworks/models/llama-v3p3-70b-instruct","messages":[{"role":"user","content":"Hello"}]}""",
        }.Respond(MinimalCompletion);
        using var client = CreateChatClient(handler);

        await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FunctionCalling_RequestAndToolCallResponse()
    {
        var tool = AIFunctionFactory.CreateDeclaration("lookup", "Looks up", JsonDocument.Parse("""{"type":"object","properties":{"q":{"type":"string"}}}""").RootElement);
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
            {"model":"accounts/fireworks/models/firefunction-v2","messages":[{"role":"user","content":"Hello"}],
             "tools":[{"type":"function","function":{"name":"lookup","description":"Looks up","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}],"tool_choice":"auto"}
            """,
        }.Respond("""{"id":"f1","object":"chat.completion","created":1,"model":"accounts/fireworks/models/firefunction-v2","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\"q\":\"x\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":9,"completion_tokens":5,"total_tokens":14}}""");
        using var client = CreateChatClient(handler);

        var result = await client.GetResponseAsync(Hello, new ChatOptions { ModelId = "firefunction-v2", Tools = [tool], ToolMode = ChatToolMode.Auto }, TestContext.Current.CancellationToken);

        var call = Assert.Single(result.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("lookup", call.Name);
        Assert.Equal("x", call.Arguments?["q"]?.ToString());
    }

    [Fact]
    public async Task ListModels_UsesControlPlane_AndCamelCaseFields()
    {
        const string body = """
        {"models":[{"name":"accounts/fireworks/models/llama-v3p3-70b-instruct","displayName":"Llama 3.3 70B","kind":"HF_BASE_MODEL","contextLength":131072,"supportsTools":true,"supportsImageInput":false},
                   {"name":"accounts/fireworks/models/nomic-embed-text-v1p5","kind":"EMBEDDING_MODEL"}],"nextPageToken":""}
        """;
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedPath = "/v1/accounts/fireworks/models" }.Respond(body);
        using var client = new FireworksChatClient(new FireworksClientOptions { ApiKey = Key }, new HttpClient(handler));

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Equal("https://api.fireworks.ai/v1/accounts/fireworks/models?pageSize=200", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("accounts/fireworks/models/llama-v3p3-70b-instruct", models[0].ModelId);
        Assert.Equal("Llama 3.3 70B", models[0].DisplayName);
        Assert.Equal(131072, models[0].ContextWindow);
        Assert.True(models[0].Capabilities.HasFlag(ModelCapabilities.Tools));
        Assert.False(models[0].Capabilities.HasFlag(ModelCapabilities.Vision));
        Assert.Equal(ModelCapabilities.Embeddings, models[1].Capabilities);
    }

    [Fact]
    public async Task Embeddings_DefaultModel_Verbatim()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/inference/v1/embeddings",
            ExpectedRequestJson = """{"model":"nomic-ai/nomic-embed-text-v1.5","input":["a","b"],"encoding_format":"float","dimensions":2}""",
        }.Respond("""{"object":"list","data":[{"object":"embedding","index":1,"embedding":[3,4]},{"object":"embedding","index":0,"embedding":[1,2]}],"model":"nomic-ai/nomic-embed-text-v1.5","usage":{"prompt_tokens":4,"total_tokens":4}}""");
        using var generator = new FireworksEmbeddingGenerator(new FireworksClientOptions { ApiKey = Key }, new HttpClient(handler));

        var result = await generator.GenerateAsync(["a", "b"], new EmbeddingGenerationOptions { Dimensions = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal([1f, 2f], result[0].Vector.ToArray());
        Assert.Equal([3f, 4f], result[1].Vector.ToArray());
        Assert.Equal(4, result.Usage?.InputTokenCount);
    }
}
