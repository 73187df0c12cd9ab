// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.OpenAI.Tests;

public sealed class OpenAIChatClientTests
{
    private const string Key = "sk-proj-TESTKEY1234567890";

    private static OpenAIChatClient Client(VerbatimHttpHandler handler, Action<OpenAIClientOptions>? configure = null)
    {
        var options = new OpenAIClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return new OpenAIChatClient(options, new HttpClient(handler));
    }

    private static async Task<List<ChatResponseUpdate>> Stream(IChatClient client, ChatOptions? options = null)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Invent a new holiday")], options))
        {
            list.Add(u);
        }

        return list;
    }

    [Fact]
    public async Task ChatText_Fixture_MapsTextUsageIdsAndFinishReason()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/v1/chat/completions" }
            .Respond(RepoPaths.ReadFixture("openai", "chat-text.json"));
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Key;
        using var client = Client(handler);

        var response = await client.GetResponseAsync("Invent a new holiday");

        response.Text.ShouldStartWith("**Holiday Name:** Galaxy Day");
        response.Text.ShouldContain("darkness\u2014mirroring");
        response.ResponseId.ShouldBe("chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU");
        response.ModelId.ShouldBe("gpt-4.1-nano-2025-04-14");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1770933883));
        response.Usage!.InputTokenCount.ShouldBe(16);
        response.Usage.OutputTokenCount.ShouldBe(363);
        response.Usage.TotalTokenCount.ShouldBe(379);
        response.Usage.CachedInputTokenCount.ShouldBe(0);
        response.Usage.ReasoningTokenCount.ShouldBe(0);
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("openai");
    }

    [Fact]
    public async Task StreamText_Fixture_WithDone_StreamsTextAndUsageOnce()
    {
        var sse = new SseBuilder().EventsFromChunkLines(RepoPaths.ReadFixture("openai", "stream-text.chunks.txt")).Done();
        using var client = Client(new VerbatimHttpHandler().RespondStream(new ChunkedStream(sse.ToBytes(), 13)));

        var updates = await Stream(client);

        var text = string.Concat(updates.Select(u => u.Text));
        text.ShouldStartWith("**Holiday Name:** Harmony Day");
        text.ShouldEndWith(" respect.");
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem();
        usage.Details.InputTokenCount.ShouldBe(16);
        usage.Details.OutputTokenCount.ShouldBe(300);
        usage.Details.TotalTokenCount.ShouldBe(316);
        updates.ShouldAllBe(u => u.ResponseId == "chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0" && u.ModelId == "gpt-4.1-nano-2025-04-14");
        updates.Count(u => u.FinishReason == ChatFinishReason.Stop).ShouldBe(1);

        var merged = updates.ToChatResponse();
        merged.Text.ShouldBe(text);
        merged.Usage!.TotalTokenCount.ShouldBe(316);
    }

    [Fact]
    public async Task StreamText_Fixture_AsRecorded_WithoutDone_IsComplete()
    {
        // Issue 14: finish_reason (and the usage asked for) delivered, then no [DONE]: a whole answer.
        var sse = new SseBuilder().EventsFromChunkLines(RepoPaths.ReadFixture("openai", "stream-text.chunks.txt"));
        using var client = Client(new VerbatimHttpHandler().RespondSse(sse.ToString()));
        var updates = await Stream(client);
        updates.ShouldContain(u => u.FinishReason != null);
    }

    [Fact]
    public async Task StreamToolCall_Fixture_AsRecorded_LacksDone_AndIsComplete()
    {
        // SOURCE.txt claims the transcript ends with data: [DONE], but the file stops after the usage chunk (issue 14: complete).
        using var client = Client(new VerbatimHttpHandler().RespondSse(RepoPaths.ReadFixture("openai", "stream-tool-call.sse")));
        var updates = await Stream(client);
        updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StreamToolCall_Fixture_MergesArgumentDeltas()
    {
        var sse = RepoPaths.ReadFixture("openai", "stream-tool-call.sse") + "data: [DONE]\n\n";
        using var client = Client(new VerbatimHttpHandler().RespondStream(new ChunkedStream(System.Text.Encoding.UTF8.GetBytes(sse), 1)));
        var updates = await Stream(client);
        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.CallId.ShouldBe("call_O17Uplv4lJvD6DVdIvFFeRMw");
        call.Name.ShouldBe("test-tool");
        call.Arguments!["value"]!.ToString().ShouldBe("Sparkle Day");
        updates.ShouldContain(u => u.FinishReason == ChatFinishReason.ToolCalls);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem();
        usage.Details.InputTokenCount.ShouldBe(53);
        usage.Details.OutputTokenCount.ShouldBe(17);
        usage.Details.TotalTokenCount.ShouldBe(70);
    }

    [Fact]
    public async Task StreamError_Fixture_ThrowsTypedTransientError()
    {
        using var client = Client(new VerbatimHttpHandler().RespondSse(RepoPaths.ReadFixture("openai", "stream-error.sse")));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => Stream(client));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.IsTransient.ShouldBeTrue();
        ex.ErrorCode.ShouldBe("server_error");
        ex.Message.ShouldContain("The server had an error processing your request");
    }

    [Fact]
    public async Task Error400_Tape_IsBadRequestWithRequestId()
    {
        using var tape = JsonDocument.Parse(RepoPaths.ReadFixture("openai", "error-400.tape.json"));
        var response = tape.RootElement.GetProperty("response");
        var headers = response.GetProperty("headers").EnumerateObject()
            .Where(h => h.Name != "content-type")
            .ToDictionary(h => h.Name, h => h.Value.GetString()!);
        var handler = new VerbatimHttpHandler().Respond(response.GetProperty("body").GetString()!, (HttpStatusCode)response.GetProperty("status").GetInt32(), "application/json; charset=utf-8", headers);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("Complete the equation one + one ="));
        ex.GetType().ShouldBe(typeof(AssistantProviderException));
        ex.StatusCode.ShouldBe(400);
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.IsTransient.ShouldBeFalse();
        ex.ErrorCode.ShouldBe("invalid_request_error");
        ex.RequestId.ShouldBe("9026e0650a5b6f54-CDG");
        ex.Message.ShouldContain("you must provide a model parameter");
    }

    [Fact]
    public async Task UnsupportedParameter_Fixture_KeepsVendorCode()
    {
        using var client = Client(new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("openai", "error-unsupported-parameter.json"), HttpStatusCode.BadRequest));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi"));
        ex.ErrorCode.ShouldBe("unsupported_parameter");
        ex.Message.ShouldContain("max_completion_tokens");
    }

    [Fact]
    public async Task Http401_NeverShowsTheKey()
    {
        var body = "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + ".\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
        using var client = Client(new VerbatimHttpHandler().Respond(body, HttpStatusCode.Unauthorized));
        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("hi"));
        ex.ToString().ShouldNotContain(Key);
        ex.Message.ShouldContain("OPENAI_API_KEY");
    }

    [Fact]
    public async Task Http429_RetryAfter_IsExposed()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""", (HttpStatusCode)429, "application/json", new Dictionary<string, string> { ["retry-after"] = "2", ["x-request-id"] = "req_1" });
        using var client = Client(handler);
        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("hi"));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(2));
        ex.RequestId.ShouldBe("req_1");
    }

    [Fact]
    public async Task MissingKey_Throws_NamingEnvVar()
    {
        using var client = new OpenAIChatClient(new OpenAIClientOptions(), new HttpClient(new VerbatimHttpHandler()));
        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("hi"));
        ex.Message.ShouldContain("OPENAI_API_KEY");
    }

    [Fact]
    public void HttpEndpoint_IsRejected()
    {
        Should.Throw<ArgumentException>(() => new OpenAIChatClient(new OpenAIClientOptions { ApiKey = Key, Endpoint = new Uri("http://api.openai.com/v1/") }));
    }

    [Fact]
    public void Metadata_ReportsProviderOpenAI()
    {
        using var client = Client(new VerbatimHttpHandler());
        var meta = client.GetService<ChatClientMetadata>().ShouldNotBeNull();
        meta.ProviderName.ShouldBe("openai");
        meta.DefaultModelId.ShouldBe("gpt-4.1-mini");
        meta.ProviderUri.ShouldBe(new Uri("https://api.openai.com/v1/"));
    }

    [Fact]
    public async Task Organization_And_Project_Headers_AreSent()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("openai", "chat-text.json"));
        handler.ExpectedHeaders["OpenAI-Organization"] = "org-1";
        handler.ExpectedHeaders["OpenAI-Project"] = "proj-1";
        using var client = Client(handler, o =>
        {
            o.Organization = "org-1";
            o.Project = "proj-1";
        });
        await client.GetResponseAsync("hi");
        handler.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListModels_ReadsData()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedPath = "/v1/models" }
            .Respond("""{"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1744318173,"owned_by":"system"},{"id":"whisper-1","object":"model","created":1677532384,"owned_by":"openai-internal"}]}""");
        using var client = Client(handler);
        var models = await client.ListModelsAsync();
        models.Select(m => m.QualifiedId).ShouldBe(["openai/gpt-4.1-mini", "openai/whisper-1"]);
        models[1].OwnedBy.ShouldBe("openai-internal");
    }
}
