// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Groq.Tests;

public sealed class GroqChatClientTests
{
    private const string Key = "gsk_TESTKEY1234567890abcdef";

    private static GroqChatClient Client(VerbatimHttpHandler handler) => new(new GroqClientOptions { ApiKey = Key }, new HttpClient(handler));

    private static async Task<List<ChatResponseUpdate>> Stream(IChatClient client, ChatOptions? options = null)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "What is the weather?")], options))
        {
            list.Add(u);
        }

        return list;
    }

    [Fact]
    public async Task ChatText_Fixture_Maps()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/openai/v1/chat/completions" }.Respond(RepoPaths.ReadFixture("groq", "chat-text.json"));
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Key;
        using var client = Client(handler);
        var response = await client.GetResponseAsync("Invent a new holiday");
        response.Text.ShouldStartWith("I'd like to introduce \"Luminaria\"");
        response.ModelId.ShouldBe("llama-3.3-70b-versatile");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.Usage.ShouldNotBeNull();
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("groq");
    }

    [Fact]
    public async Task ChatToolCall_Fixture_MapsCallTimingsAndGroqId()
    {
        using var client = Client(new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("groq", "chat-tool-call.json")));
        var response = await client.GetResponseAsync("What is the weather?");
        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.CallId.ShouldBe("ax9fskhev");
        call.Name.ShouldBe("weather");
        call.Arguments.ShouldBeEmpty();
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        response.Usage!.InputTokenCount.ShouldBe(218);
        response.Usage.OutputTokenCount.ShouldBe(15);
        response.Usage.TotalTokenCount.ShouldBe(233);
        var p = response.AdditionalProperties!;
        p[GroqPropertyNames.QueueTime].ShouldBe(TimeSpan.FromSeconds(0.179481775));
        p[GroqPropertyNames.PromptTime].ShouldBe(TimeSpan.FromSeconds(0.01182836));
        p[GroqPropertyNames.CompletionTime].ShouldBe(TimeSpan.FromSeconds(0.044602289));
        p[GroqPropertyNames.TotalTime].ShouldBe(TimeSpan.FromSeconds(0.056430649));
        p[GroqPropertyNames.RequestId].ShouldBe("req_01kh52madzem68scv0bcz3vm00");
    }

    [Fact]
    public async Task StreamToolCall_Fixture_WholeCall_UsageOnce_TimingsAndId()
    {
        var sse = new SseBuilder().EventsFromChunkLines(RepoPaths.ReadFixture("groq", "stream-tool-call.chunks.txt")).Done();
        using var client = Client(new VerbatimHttpHandler().RespondStream(new ChunkedStream(sse.ToBytes(), 5)));
        var updates = await Stream(client);

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.CallId.ShouldBe("tk85n1k4m");
        call.Name.ShouldBe("weather");
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem();
        usage.Details.InputTokenCount.ShouldBe(210);
        usage.Details.OutputTokenCount.ShouldBe(15);
        usage.Details.TotalTokenCount.ShouldBe(225);
        var last = updates.Last(u => u.FinishReason is not null);
        last.AdditionalProperties![GroqPropertyNames.TotalTime].ShouldBe(TimeSpan.FromSeconds(0.057009128));
        last.AdditionalProperties[GroqPropertyNames.QueueTime].ShouldBe(TimeSpan.FromSeconds(0.041520249));
        updates[0].AdditionalProperties![GroqPropertyNames.RequestId].ShouldBe("req_01kh52nj5yfcat8hrmvrk2j2hj");
    }

    [Fact]
    public async Task Stream_UsageOnlyInXGroq_IsReportedOnce()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}],"x_groq":{"id":"req_1"}}""")
            .Event("""{"id":"c","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"x_groq":{"id":"req_1","usage":{"queue_time":0.5,"prompt_tokens":7,"prompt_time":0.1,"completion_tokens":2,"completion_time":0.2,"total_tokens":9,"total_time":0.3}}}""")
            .Done().ToString();
        using var client = Client(new VerbatimHttpHandler().RespondSse(sse));
        var updates = await Stream(client);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem();
        usage.Details.TotalTokenCount.ShouldBe(9);
        updates.Last().AdditionalProperties![GroqPropertyNames.QueueTime].ShouldBe(TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task Stream_TopLevelUsageFirst_ThenXGroqUsage_IsNotDoubleCounted()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}""")
            .Event("""{"id":"c","model":"m","choices":[],"x_groq":{"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}}""")
            .Done().ToString();
        using var client = Client(new VerbatimHttpHandler().RespondSse(sse));
        (await Stream(client)).SelectMany(u => u.Contents).OfType<UsageContent>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task StreamToolCall_Fixture_AsRecorded_WithoutDone_IsCompleteAfterFinishReason()
    {
        // The recording ends after the choice's finish_reason without "data: [DONE]" (as some servers and proxies send it):
        // the answer is whole, so it is delivered; a stream cut before any finish_reason stays incomplete.
        var lines = RepoPaths.ReadFixture("groq", "stream-tool-call.chunks.txt");
        using var client = Client(new VerbatimHttpHandler().RespondSse(new SseBuilder().EventsFromChunkLines(lines).ToString()));
        var updates = await Stream(client);
        updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldNotBeEmpty();
        updates.ShouldContain(u => u.FinishReason != null);

        var beforeFinish = string.Join('\n', lines.Split('\n').Where(l => l.Length > 0 && !l.Contains("\"finish_reason\":\"", StringComparison.Ordinal)));
        using var cut = Client(new VerbatimHttpHandler().RespondSse(new SseBuilder().EventsFromChunkLines(beforeFinish).ToString()));
        await Should.ThrowAsync<IncompleteStreamException>(() => Stream(cut));
    }

    [Fact]
    public async Task StreamError_Fixture_IsTypedNotText()
    {
        using var client = Client(new VerbatimHttpHandler().RespondSse(RepoPaths.ReadFixture("groq", "stream-error.sse")));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => Stream(client));
        ex.ProviderId.ShouldBe("groq");
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.ErrorCode.ShouldBe("invalid_request_error");
    }

    [Fact]
    public async Task StreamingRequest_HasNoStreamOptions_AndUsesMaxCompletionTokens()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"What is the weather?"}],"max_completion_tokens":100,"stream":true}""",
        }.RespondSse(new SseBuilder().Event("""{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}""").Done().ToString());
        using var client = Client(handler);
        await Stream(client, new ChatOptions { MaxOutputTokens = 100 });
        handler.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Http429_WithRetryAfter_IsRateLimited_AndKeyNeverShown()
    {
        var body = "{\"error\":{\"message\":\"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_1` on tokens per minute (TPM): Limit 6000, Used 5000. Please try again in 7.66s. key " + Key + "\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}";
        var handler = new VerbatimHttpHandler().Respond(body, (HttpStatusCode)429, "application/json", new Dictionary<string, string> { ["retry-after"] = "8" });
        using var client = Client(handler);
        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("hi"));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(8));
        ex.Message.ShouldNotContain(Key);
    }

    [Fact]
    public void Metadata_IsGroq()
    {
        using var client = Client(new VerbatimHttpHandler());
        var meta = client.GetService<ChatClientMetadata>()!;
        meta.ProviderName.ShouldBe("groq");
        meta.DefaultModelId.ShouldBe("llama-3.3-70b-versatile");
        meta.ProviderUri.ShouldBe(new Uri("https://api.groq.com/openai/v1/"));
    }

    [Fact]
    public async Task ListModels_Works()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/openai/v1/models" }
            .Respond("""{"object":"list","data":[{"id":"llama-3.3-70b-versatile","object":"model","created":1733447754,"owned_by":"Meta","active":true,"context_window":131072}]}""");
        using var client = Client(handler);
        var model = (await client.ListModelsAsync()).ShouldHaveSingleItem();
        model.QualifiedId.ShouldBe("groq/llama-3.3-70b-versatile");
        model.ContextWindow.ShouldBe(131072);
    }

    [Fact]
    public async Task Transcription_Fixture_TextBody()
    {
        using var fixture = JsonDocument.Parse(RepoPaths.ReadFixture("groq", "transcription.json"));
        var root = fixture.RootElement;
        var handler = new VerbatimHttpHandler { ExpectedPath = "/openai/v1/audio/transcriptions" }.Respond(
            root.GetProperty("body").GetString()!, (HttpStatusCode)root.GetProperty("status").GetInt32(), root.GetProperty("headers").GetProperty("content-type").GetString()!);
        using var client = new GroqSpeechToTextClient(new GroqClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var audio = new MemoryStream([1, 2, 3]);
        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { AdditionalProperties = new() { ["response_format"] = "text" } });
        response.Text.ShouldBe("Hello from the Versal AISDK.");
        response.ModelId.ShouldBe("whisper-large-v3-turbo");
        handler.Requests.Single().Body!.ShouldContain("whisper-large-v3-turbo");
        client.GetService<SpeechToTextClientMetadata>()!.ProviderName.ShouldBe("groq");
    }

    [Fact]
    public void DI_RegistersKeyedChatAndSpeech_WithEnvKey_AndRejectsHttp()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["GROQ_API_KEY"] = Key });
        builder.AddGroq();
        using var sp = builder.Build();
        sp.GetRequiredKeyedService<IChatClient>("groq").ShouldBeOfType<GroqChatClient>().GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("groq");
        sp.GetRequiredKeyedService<ISpeechToTextClient>("groq").ShouldBeOfType<GroqSpeechToTextClient>();
        sp.GetRequiredKeyedService<IModelDiscovery>("groq").ShouldBeOfType<GroqChatClient>();
        sp.GetRequiredService<IOptionsMonitor<GroqClientOptions>>().Get("groq").ApiKey!.Reveal().ShouldBe(Key);

        var bad = new TestProvidersBuilder(environment: new() { ["GROQ_API_KEY"] = Key, ["GROQ_BASE_URL"] = "http://api.groq.com/openai/v1/" });
        bad.AddGroq();
        using var badSp = bad.Build();
        Should.Throw<OptionsValidationException>(() => badSp.GetRequiredKeyedService<IChatClient>("groq"));
    }
}
