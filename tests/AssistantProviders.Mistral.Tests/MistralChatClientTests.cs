// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json;
using AssistantProviders.Mistral;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.Mistral.Tests;

public sealed class MistralChatClientTests
{
    private static readonly AIFunctionDeclaration Weather = AIFunctionFactory.CreateDeclaration(
        "weather", "Gets the weather", JsonDocument.Parse("""{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""").RootElement);

    private static MistralChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new MistralChatClient(new MistralClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));

    [Fact]
    public async Task Request_UsesRandomSeed_AnyToolChoice_SafePrompt_Verbatim()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/chat/completions",
            ExpectedRequestJson = """
            {"model":"mistral-small-latest","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],
             "temperature":0.5,"max_tokens":100,"stop":["END"],"random_seed":42,
             "tools":[{"type":"function","function":{"name":"weather","description":"Gets the weather","parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}],
             "tool_choice":"any","parallel_tool_calls":false,"safe_prompt":true}
            """,
        }.Respond(RepoPaths.ReadFixture("mistral", "chat-tool-call.json"));
        using var client = CreateChatClient(handler);

        await client.GetResponseAsync(Hello, new ChatOptions
        {
            Instructions = "Be brief.",
            Temperature = 0.5f,
            MaxOutputTokens = 100,
            StopSequences = ["END"],
            Seed = 42,
            Tools = [Weather],
            ToolMode = ChatToolMode.RequireAny,
            AllowMultipleToolCalls = false,
            AdditionalProperties = new() { [MistralPropertyNames.SafePrompt] = true },
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StreamRequest_SendsNoStreamOptions()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"mistral-large-latest","messages":[{"role":"user","content":"Hello"}],"stream":true}""",
        }.RespondSse(Sse(RepoPaths.ReadFixture("mistral", "stream-text.chunks.txt")));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, new ChatOptions { ModelId = "mistral-large-latest" }, TestContext.Current.CancellationToken));

        Assert.NotEmpty(updates);
    }

    [Fact]
    public async Task ChatText_Fixture_MapsTextUsageAndFinish()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("mistral", "chat-text.json"));
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("**Holiday Name:", response.Text, StringComparison.Ordinal);
        Assert.Equal("5319bd0299614c679a0068a4f2c8ffd0", response.ResponseId);
        Assert.Equal("mistral-small-latest", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(13, response.Usage?.InputTokenCount);
        Assert.Equal(434, response.Usage?.OutputTokenCount);
        Assert.Equal(447, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task ChatToolCall_Fixture_MapsFunctionCall()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("mistral", "chat-tool-call.json"));
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, new ChatOptions { Tools = [Weather] }, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("gSIMJiOkT", call.CallId);
        Assert.Equal("weather", call.Name);
        Assert.Equal("San Francisco", call.Arguments?["location"]?.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task StreamText_Fixture_TextAndUsageOnce()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Sse(RepoPaths.ReadFixture("mistral", "stream-text.chunks.txt")));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Hello, world! This is a test response.", string.Concat(updates.Select(u => u.Text)));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(13, usage.Details.InputTokenCount);
        Assert.Equal(8, usage.Details.OutputTokenCount);
        Assert.All(updates, u => Assert.Equal("5319bd0299614c679a0068a4f2c8ffd0", u.ResponseId));
        Assert.All(updates, u => Assert.Equal("mistral-small-latest", u.ModelId));
    }

    [Fact]
    public async Task StreamToolCall_Fixture_WholeCallWithoutIndex()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Sse(RepoPaths.ReadFixture("mistral", "stream-tool-call.chunks.txt")));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, new ChatOptions { Tools = [Weather] }, TestContext.Current.CancellationToken));

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("gSIMJiOkT", call.CallId);
        Assert.Equal("weather", call.Name);
        Assert.Equal("San Francisco", call.Arguments?["location"]?.ToString());
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(146, usage.Details.TotalTokenCount);
        Assert.Equal(ChatFinishReason.ToolCalls, updates.Last(u => u.FinishReason is not null).FinishReason);
    }

    [Fact]
    public async Task StreamIncrementalToolCall_Fixture_MergesArgumentDeltas()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Sse(RepoPaths.ReadFixture("mistral", "stream-incremental-tool-call.chunks.txt")));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, new ChatOptions { Tools = [Weather] }, TestContext.Current.CancellationToken));

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("chatcmpl-tool-9f149c74c42f265b", call.CallId);
        Assert.Equal("webSearchTool", call.Name);
        Assert.Equal("current Berlin weather", call.Arguments?["query"]?.ToString());
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(128, usage.Details.CachedInputTokenCount);
        Assert.Equal(185, usage.Details.TotalTokenCount);
    }

    [Fact]
    public async Task TwoWholeCallsWithoutIndex_StayTwoCalls()
    {
        var chunk = """{"id":"p1","object":"chat.completion.chunk","created":1,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":null,"tool_calls":[{"id":"a1","function":{"name":"weather","arguments":"{\"location\": \"Paris\"}"}},{"id":"b2","function":{"name":"weather","arguments":"{\"location\": \"Rome\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":5,"total_tokens":9,"completion_tokens":4}}""";
        var handler = new VerbatimHttpHandler().RespondSse(new SseBuilder().Event(chunk).Done().ToString());
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, new ChatOptions { Tools = [Weather] }, TestContext.Current.CancellationToken));

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["a1", "b2"], calls.Select(c => c.CallId));
        Assert.Equal(["Paris", "Rome"], calls.Select(c => c.Arguments?["location"]?.ToString()));
    }

    [Fact]
    public async Task Error401_Tape_IsAuthenticationWithRequestId()
    {
        var (_, body, status) = ReadTape("mistral", "error-401.tape.json");
        var handler = new VerbatimHttpHandler().Respond(body, (HttpStatusCode)status);
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("No API key found in request", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ab5386689131886ef950356f5333e057", ex.RequestId);
        Assert.Contains("MISTRAL_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-429-rate-limited.json")]
    [InlineData("error-429-legacy.json")]
    public async Task Error429_Fixtures_AreRateLimited(string file)
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("mistral", file), HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "3" });
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Contains("ate limit exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error422_DetailList_IsBadRequestNotTransient()
    {
        const string body = """{"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","seed"],"msg":"Extra inputs are not permitted","input":1}]},"type":"invalid_request_error","param":null,"code":null}""";
        var handler = new VerbatimHttpHandler().Respond(body, HttpStatusCode.UnprocessableEntity);
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AssistantProviderException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.BadRequest, ex.Kind);
        Assert.False(ex.IsTransient);
        Assert.Equal(422, ex.StatusCode);
    }

    [Fact]
    public async Task RateLimitHeaders_AreAttached()
    {
        var headers = new Dictionary<string, string> { ["x-ratelimit-limit-tokens-minute"] = "500000", ["x-ratelimit-remaining-tokens-minute"] = "499000" };
        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion, headers: headers);
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        var limits = Assert.IsType<ProviderRateLimits>(response.AdditionalProperties?[ProviderRateLimits.Key]);
        Assert.Equal(499000, limits.RemainingTokens);
    }
}
