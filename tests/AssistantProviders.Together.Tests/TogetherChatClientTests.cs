// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using AssistantProviders.Together;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.Together.Tests;

public sealed class TogetherChatClientTests
{
    private static TogetherChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new TogetherChatClient(new TogetherClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));

    [Fact]
    public async Task ChatTape_VerbatimRequest_MapsEosAndUsage()
    {
        var (request, response, _) = ReadTape("together", "chat.tape.json");
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/chat/completions", ExpectedRequestJson = request }.Respond(response);
        using var client = CreateChatClient(handler);

        var result = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Complete this sentence with words, one plus one is equal ")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("one plus one is equal to two.", result.Text);
        Assert.Equal(ChatFinishReason.Stop, result.FinishReason);
        Assert.Equal("meta-llama/Llama-3.3-70B-Instruct-Turbo", result.ModelId);
        Assert.Equal(55, result.Usage?.TotalTokenCount);
        Assert.Empty(result.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
    }

    [Fact]
    public async Task StreamTape_VerbatimRequest_UsageOnceOnFinalChunk()
    {
        var (request, _, _) = ReadTape("together", "stream.tape.json");
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = request }.RespondSse(RepoPaths.ReadFixture("together", "stream.sse"));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Complete the equation 1 + 1 = , just the answer")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("2", string.Concat(updates.Select(u => u.Text)));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(48, usage.Details.InputTokenCount);
        Assert.Equal(2, usage.Details.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, updates.Last(u => u.FinishReason is not null).FinishReason);
    }

    [Fact]
    public async Task ParallelToolCallDeltas_InterleavedByIndex_AreMerged()
    {
        static string Delta(string toolCalls, string? finish = null) =>
            "{\"id\":\"t1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":" + toolCalls +
            "},\"finish_reason\":" + (finish is null ? "null" : "\"" + finish + "\"") + "}]}";
        var sse = new SseBuilder()
            .Event(Delta("""[{"index":0,"id":"call_a","type":"function","function":{"name":"weather","arguments":""}}]"""))
            .Event(Delta("""[{"index":1,"id":"call_b","type":"function","function":{"name":"time","arguments":"{\"tz\":"}}]"""))
            .Event(Delta("""[{"index":0,"function":{"arguments":"{\"city\":\"Oslo\"}"}}]"""))
            .Event(Delta("""[{"index":1,"function":{"arguments":"\"CET\"}"}}]""", "tool_calls"))
            .Done().ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_a", "call_b"], calls.Select(c => c.CallId));
        Assert.Equal("Oslo", calls[0].Arguments?["city"]?.ToString());
        Assert.Equal("CET", calls[1].Arguments?["tz"]?.ToString());
    }

    [Fact]
    public async Task ListModels_BareArray_MapsContextTypeAndPricing()
    {
        const string body = """
        [{"id":"meta-llama/Llama-3.3-70B-Instruct-Turbo","object":"model","created":1733442000,"type":"chat","display_name":"Llama 3.3 70B","organization":"Meta","context_length":131072,"pricing":{"hourly":0,"input":0.88,"output":0.88,"base":0,"finetune":0}},
         {"id":"BAAI/bge-base-en-v1.5","object":"model","type":"embedding","context_length":512,"pricing":{"input":0.008,"output":0}},
         {"id":"Salesforce/Llama-Rank-V1","object":"model","type":"rerank"}]
        """;
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedPath = "/v1/models" }.Respond(body);
        using var client = new TogetherChatClient(new TogetherClientOptions { ApiKey = Key }, new HttpClient(handler));

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, models.Count);
        Assert.Equal(131072, models[0].ContextWindow);
        Assert.Equal(ModelCapabilities.Chat | ModelCapabilities.Streaming, models[0].Capabilities);
        Assert.Equal(0.88m, models[0].Pricing?.InputPerMillionTokens);
        Assert.Equal("Meta", models[0].OwnedBy);
        Assert.Equal(ModelCapabilities.Embeddings, models[1].Capabilities);
        Assert.Equal(ModelCapabilities.Rerank, models[2].Capabilities);
        Assert.Null(models[2].Pricing);
    }

    [Fact]
    public async Task Embeddings_DefaultModel_Verbatim()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/embeddings",
            // Together's embeddings API defines no encoding_format (TogetherProfile drops it); the body is model + input only.
            ExpectedRequestJson = """{"model":"BAAI/bge-base-en-v1.5","input":["hello"]}""",
        }.Respond("""{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.25,-0.5]}],"model":"BAAI/bge-base-en-v1.5","usage":{"prompt_tokens":2,"total_tokens":2}}""");
        using var generator = new TogetherEmbeddingGenerator(new TogetherClientOptions { ApiKey = Key }, new HttpClient(handler));

        var result = await generator.GenerateAsync(["hello"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0.25f, -0.5f], result[0].Vector.ToArray());
        Assert.Equal("together", generator.GetService<EmbeddingGeneratorMetadata>()?.ProviderName);
    }
}
