// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Shared.Tests;

public sealed class ProviderTransportTests
{
    private const string ChatOk = """{"id":"r1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    private static Task<ChatResponse> Ask(IChatClient client) => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

    [Fact]
    public async Task MissingKey_ThrowsAuthentication_NamingEnvVarAndConfigKey_WithoutSending()
    {
        var handler = new VerbatimHttpHandler().Respond(ChatOk);
        using var client = TestWire.Chat(handler, o => o.ApiKey = null);
        var ex = await Should.ThrowAsync<AuthenticationException>(() => Ask(client));
        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        ex.Message.ShouldContain("TESTVENDOR_API_KEY");
        ex.Message.ShouldContain("AssistantProviders:Providers:TestVendor:ApiKey");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task KeyPool_HealthyKeysRoundRobin_AndBearerAppliedPerRequest()
    {
        var handler = new VerbatimHttpHandler().Respond(ChatOk).Respond(ChatOk);
        using var client = TestWire.Chat(handler, o =>
        {
            o.ApiKey = null;
            o.ApiKeys.Add(new ApiKey("sk-pool-first-0001"));
            o.ApiKeys.Add(new ApiKey("sk-pool-second-0002"));
        });
        await Ask(client);
        await Ask(client);
        handler.Requests.Count.ShouldBe(2);
        handler.Requests.Select(r => r.Headers["Authorization"]).ShouldBe(["Bearer sk-pool-first-0001", "Bearer sk-pool-second-0002"]);
    }

    [Fact]
    public async Task NoKeyNeeded_ForLocalProvider_SendsNoAuthorization()
    {
        var handler = new VerbatimHttpHandler().Respond(ChatOk);
        var descriptor = TestWire.Descriptor(ProviderLocality.Local, requiresKey: false);
        using var transport = new ProviderTransport(descriptor, new TestOptions { Endpoint = new Uri("http://192.168.0.5:1234/v1/") }, new HttpClient(handler), ProviderAuth.Bearer);
        using var client = new OpenAIWireChatClient(transport, OpenAIWireProfile.Default);
        (await Ask(client)).Text.ShouldBe("ok");
        handler.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
        handler.Requests.Single().Uri.ToString().ShouldBe("http://192.168.0.5:1234/v1/chat/completions");
    }

    [Fact]
    public async Task Endpoint_WithoutTrailingSlash_KeepsItsPath()
    {
        var handler = new VerbatimHttpHandler().Respond(ChatOk);
        using var client = TestWire.Chat(handler, o => o.Endpoint = new Uri("https://gw.example/openai/v1"));
        await Ask(client);
        handler.Requests.Single().Uri.ToString().ShouldBe("https://gw.example/openai/v1/chat/completions");
    }

    [Fact]
    public async Task Http401_WithKeyEchoedInBodyAndHeader_NeverLeaksTheKey()
    {
        var body = "{\"error\":{\"message\":\"Incorrect API key provided: " + TestWire.Key + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
        var handler = TestWire.Error(HttpStatusCode.Unauthorized, body, new Dictionary<string, string> { ["x-request-id"] = "req_9", ["www-authenticate"] = "Bearer " + TestWire.Key });
        using var client = TestWire.Chat(handler);
        var ex = await Should.ThrowAsync<AuthenticationException>(() => Ask(client));
        ex.ToString().ShouldNotContain(TestWire.Key);
        ex.Message.ShouldContain("TESTVENDOR_API_KEY");
        ex.RequestId.ShouldBe("req_9");
        ex.StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task Http429_RetryAfter_IsParsed_UsingTheTransportClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var handler = TestWire.Error((HttpStatusCode)429, """{"error":{"message":"slow down","code":"rate_limit_exceeded"}}""", new Dictionary<string, string> { ["Retry-After"] = "Sat, 01 Mar 2025 12:00:20 GMT" });
        using var transport = new ProviderTransport(TestWire.Descriptor(), new TestOptions { ApiKey = TestWire.Key }, new HttpClient(handler), ProviderAuth.Bearer, null, clock);
        using var client = new OpenAIWireChatClient(transport, OpenAIWireProfile.Default);
        var ex = await Should.ThrowAsync<RateLimitedException>(() => Ask(client));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(20));
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task Http500_IsTransient()
    {
        using var client = TestWire.Chat(TestWire.Error(HttpStatusCode.InternalServerError, """{"error":{"message":"boom","type":"server_error"}}"""));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => Ask(client));
        ex.IsTransient.ShouldBeTrue();
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
    }

    [Fact]
    public async Task HttpError_InStreamingCall_IsMappedBeforeAnyUpdate()
    {
        using var client = TestWire.Chat(TestWire.Error(HttpStatusCode.BadRequest, """{"error":{"message":"This model's maximum context length is 8192 tokens","code":"context_length_exceeded"}}"""));
        await Should.ThrowAsync<ContextLengthExceededException>(() => TestWire.Collect(client));
    }

    [Fact]
    public async Task MalformedJson_ThrowsInvalidResponse()
    {
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond("{\"id\":\"x\",\"choices\":[{"));
        var ex = await Should.ThrowAsync<InvalidResponseException>(() => Ask(client));
        ex.InnerException.ShouldBeAssignableTo<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task NoChoices_ThrowsInvalidResponse()
    {
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond("""{"id":"x","choices":[]}"""));
        await Should.ThrowAsync<InvalidResponseException>(() => Ask(client));
    }

    [Fact]
    public async Task ErrorInA200Body_IsMapped()
    {
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond("""{"error":{"message":"Rate limit reached","type":"rate_limit_error"}}"""));
        await Should.ThrowAsync<RateLimitedException>(() => Ask(client));
    }

    [Fact]
    public async Task OversizeBody_ByContentLength_ThrowsResponseTooLarge()
    {
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond(ChatOk), o => o.MaxResponseBytes = 50);
        await Should.ThrowAsync<ResponseTooLargeException>(() => Ask(client));
    }

    [Fact]
    public async Task OversizeBody_WithoutContentLength_ThrowsResponseTooLarge()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(ChatOk), 16), "application/json");
        using var client = TestWire.Chat(handler, o => o.MaxResponseBytes = 50);
        await Should.ThrowAsync<ResponseTooLargeException>(() => Ask(client));
    }

    [Fact]
    public async Task ConnectionReset_WhileReadingBody_IsIncompleteAndTransient()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(ChatOk[..40]), 8, resetAtEnd: true), "application/json");
        using var client = TestWire.Chat(handler);
        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => Ask(client));
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task NetworkFailure_IsTransientNetworkError_WithoutKey()
    {
        var handler = new VerbatimHttpHandler().Respond((_, _, _) => throw new HttpRequestException("connect failed, Authorization: Bearer " + TestWire.Key));
        using var client = TestWire.Chat(handler);
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => Ask(client));
        ex.Kind.ShouldBe(ProviderErrorKind.Network);
        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldNotContain(TestWire.Key);
    }

    [Fact]
    public async Task ProviderTimeout_BecomesProviderTimeoutException_NotCancellation()
    {
        var handler = new VerbatimHttpHandler().Respond(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage();
        });
        using var client = TestWire.Chat(handler, o => o.Timeout = TimeSpan.FromMilliseconds(1));
        var ex = await Should.ThrowAsync<ProviderTimeoutException>(() => Ask(client));
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task CallerCancellation_IsNotWrapped()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond(ChatOk));
        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], null, cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task RateLimitHeaders_AreAttachedToTheResponse()
    {
        var handler = new VerbatimHttpHandler().Respond(ChatOk, HttpStatusCode.OK, "application/json", new Dictionary<string, string> { ["x-ratelimit-remaining-requests"] = "9" });
        using var client = TestWire.Chat(handler);
        var response = await Ask(client);
        response.AdditionalProperties![ProviderRateLimits.Key].ShouldBeOfType<ProviderRateLimits>().RemainingRequests.ShouldBe(9);
        response.AdditionalProperties[AssistantProviderProperties.Provider].ShouldBe("testvendor");
    }

    [Fact]
    public void Metadata_AndServices()
    {
        using var client = TestWire.Chat(new VerbatimHttpHandler());
        var meta = client.GetService<ChatClientMetadata>().ShouldNotBeNull();
        meta.ProviderName.ShouldBe("testvendor");
        meta.DefaultModelId.ShouldBe("test-model");
        meta.ProviderUri.ShouldBe(new Uri("https://api.test.example/v1/"));
        client.GetService(typeof(ChatClientMetadata), "key").ShouldBeNull();
        client.GetService<IModelDiscovery>().ShouldBeSameAs(client);
    }

    [Fact]
    public async Task ModelListing_Parses_OpenAIShape()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedPath = "/v1/models" }
            .Respond("""{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},{"id":"","object":"model"}]}""");
        using var client = TestWire.Chat(handler);
        var models = await client.ListModelsAsync();
        var model = models.ShouldHaveSingleItem();
        model.QualifiedId.ShouldBe("testvendor/gpt-4o");
        model.OwnedBy.ShouldBe("system");
        model.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1715367049));
        model.Discovered.ShouldBeTrue();
    }
}
