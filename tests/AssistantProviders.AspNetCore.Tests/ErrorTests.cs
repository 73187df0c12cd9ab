// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>Errors in OpenAI's error JSON with the mapped status: bad requests, rate limits, budgets, upstream failures, mid-stream failures.</summary>
public sealed class ErrorTests
{
    private const string Chat = """{"model":"emulator/emu-cheap","messages":[{"role":"user","content":"Hi"}]}""";
    private const string Stream = """{"model":"emulator/emu-cheap","stream":true,"messages":[{"role":"user","content":"one two three four five six"}]}""";

    private static void ShouldBeOpenAIError(string body, string type, string? code, string? param)
    {
        var error = Json(body)["error"].ShouldNotBeNull();
        ((string?)error["message"]).ShouldNotBeNullOrWhiteSpace();
        ((string?)error["type"]).ShouldBe(type);
        ((string?)error["code"]).ShouldBe(code);
        ((string?)error["param"]).ShouldBe(param);
        error.AsObject().ContainsKey("param").ShouldBeTrue();
        error.AsObject().ContainsKey("code").ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"model":"m"}""", "messages", null)]
    [InlineData("""{"messages":[]}""", "messages", null)]
    [InlineData("""{"messages":[{"content":"Hi"}]}""", "messages[0].role", null)]
    [InlineData("""{"messages":[{"role":"robot","content":"Hi"}]}""", "messages[0].role", null)]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://x/y.png"}}]}]}""", "messages[0].content[0].image_url.url", null)]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"text"}]}]}""", "messages[0].content[0].text", null)]
    [InlineData("""{"messages":[{"role":"tool","content":"x"}]}""", "messages[0].tool_call_id", null)]
    [InlineData("""{"messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{nope"}}]}]}""", "messages[0].tool_calls[0].function.arguments", null)]
    [InlineData("""{"n":2,"messages":[{"role":"user","content":"Hi"}]}""", "n", "unsupported")]
    [InlineData("""{"response_format":{"type":"xml"},"messages":[{"role":"user","content":"Hi"}]}""", "response_format.type", null)]
    [InlineData("""{"tool_choice":"sometimes","messages":[{"role":"user","content":"Hi"}]}""", "tool_choice", null)]
    [InlineData("""{"messages":"Hi"}""", "messages", "invalid_json")]
    public async Task BadChatRequest_Is400_NamingTheField(string json, string param, string? code)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        ShouldBeOpenAIError(body, "invalid_request_error", code, param);
        host.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task MalformedJson_Is400InvalidJson()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", """{"messages": [""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)Json(body)["error"]!["code"]).ShouldBe("invalid_json");
    }

    [Fact]
    public async Task BodyOverTheCap_Is413()
    {
        await using var host = await GatewayHost.StartAsync(gateway: o => o.MaxRequestBodyBytes = 1024);
        using var client = host.Client();
        var big = """{"messages":[{"role":"user","content":" """ + new string('x', 4096) + "\"}]}";

        var (response, body) = await PostAsync(client, "v1/chat/completions", big);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        ShouldBeOpenAIError(body, "invalid_request_error", "request_too_large", null);
        host.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RateLimitedUpstream_Is429WithRetryAfter()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status429, RetryAfter = "7" });
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        ShouldBeOpenAIError(body, "rate_limit_error", "rate_limit_exceeded", null);
    }

    [Fact]
    public async Task RateLimitedBeforeTheFirstChunk_OfAStream_IsAPlain429()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status429, RetryAfter = "3" });
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Stream);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        ShouldBeOpenAIError(body, "rate_limit_error", "rate_limit_exceeded", null);
    }

    [Fact]
    public async Task EveryRouteRateLimited_AndThenCoolingDown_Is429WithRetryAfter()
    {
        await using var upstream = await EmulatorServer.StartAsync(cancellationToken: Ct);
        await using var host = await GatewayHost.StartAsync(providers: b => b.AddEmulator().AddOpenAI(o =>
        {
            o.Endpoint = upstream.OpenAIEndpoint;
            o.ApiKey = "vendor-key-openai-0005";
        }));
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status429, RetryAfter = "20" });
        upstream.Faults.Add(new EmulatorFault { Vendor = "openai", Kind = FaultKind.Status429, RetryAfter = "30" });
        using var client = host.Client();
        const string any = """{"messages":[{"role":"user","content":"Hi"}]}""";

        var (first, _) = await PostAsync(client, "v1/chat/completions", any);   // both routes answer 429 and cool down
        var triedBoth = (host.Emulator.Requests.Count, upstream.Requests.Count);
        var (second, body) = await PostAsync(client, "v1/chat/completions", any); // both cool down; the router still tries them (no other route)

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, body);
        ShouldBeOpenAIError(body, "rate_limit_error", "rate_limit_exceeded", null);
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30)); // the last route tried (openai) asked for 30 s
        triedBoth.ShouldBe((1, 1));
        second.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeOneOf(20, 30); // a cooling route's own Retry-After
    }

    [Fact]
    public async Task EveryRouteSkippedByItsLocalRateLimit_Is429WithTheEarliestWindowResetAsRetryAfter()
    {
        await using var host = await GatewayHost.StartAsync(providers: b => b.AddEmulator(o => o.RequestsPerMinute = 1));
        using var client = host.Client();

        var (first, _) = await PostAsync(client, "v1/chat/completions", Chat);
        var (second, body) = await PostAsync(client, "v1/chat/completions", Chat); // the only route is spent for this minute

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, body);
        ShouldBeOpenAIError(body, "rate_limit_error", "rate_limit_exceeded", null);
        var retry = second.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        retry.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)); // the rest of the window, not a fixed guess
        host.Emulator.Requests.Count.ShouldBe(1); // the skipped request was never sent
    }

    [Fact]
    public async Task UpstreamServerError_Is502()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status500 });
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        ShouldBeOpenAIError(body, "upstream_error", "upstream_error", null);
    }

    [Fact]
    public async Task UpstreamKeyRejected_Is502_NotA401()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status401 });
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        ShouldBeOpenAIError(body, "upstream_error", "upstream_authentication", null);
    }

    [Fact]
    public async Task AfterTheVendorKeyWasRejected_TheProviderIsDisabled_503_AndHealthIsUnhealthy()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();
        using var probe = host.Client(null);
        using var before = await probe.GetAsync("healthz", Ct);
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status401, Count = 1 });

        var (first, _) = await PostAsync(client, "v1/chat/completions", Chat);
        var (second, body) = await PostAsync(client, "v1/chat/completions", Chat);
        using var after = await probe.GetAsync("healthz", Ct);

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await before.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
        first.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        second.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        ShouldBeOpenAIError(body, "server_error", "no_available_route", null);
        body.ShouldNotContain("emulator-key");
        after.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await after.Content.ReadAsStringAsync(Ct)).ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task StreamCutMidway_EndsWithAnSseErrorEvent_ThenAnAbortedBody_AndNoDone()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Emulator.Faults.Add(EmulatorFault.CutStreamAfterChunks("emulator", chunks: 3));
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(Stream, System.Text.Encoding.UTF8, "application/json") };

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var (body, ended) = await ReadUntilEndAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ended.ShouldBeAssignableTo<IOException>(); // the body never ends cleanly, so no client can take it for a full answer
        body.ShouldNotContain("[DONE]");
        var events = Events(body);
        events.Count.ShouldBeGreaterThan(1);
        events.SkipLast(1).ShouldAllBe(e => e.Event == "message");
        var last = events[^1];
        last.Event.ShouldBe("error");
        var error = Json(last.Data)["error"].ShouldNotBeNull();
        ((string?)error["type"]).ShouldBe("upstream_error");
        ((string?)error["message"]).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task StreamCutMidway_FailsTheOpenAISdk_AfterThePartialAnswer()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Emulator.Faults.Add(EmulatorFault.CutStreamAfterChunks("emulator", chunks: 3));
        var chat = new global::OpenAI.Chat.ChatClient("emulator/emu-cheap", new System.ClientModel.ApiKeyCredential(GatewayHost.KeyA),
            new global::OpenAI.OpenAIClientOptions { Endpoint = host.OpenAIEndpoint, RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });
        var updates = 0;

        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await foreach (var update in chat.CompleteChatStreamingAsync(["Hi"], cancellationToken: Ct))
            {
                updates++;
            }
        });

        updates.ShouldBeGreaterThan(0);
        failure.ShouldNotBeOfType<OperationCanceledException>();
        failure.ToString().ShouldNotContain(GatewayHost.KeyA);
    }

    private static async Task<(string Body, Exception? Ended)> ReadUntilEndAsync(HttpResponseMessage response)
    {
        var text = new System.Text.StringBuilder();
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
            {
                text.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (HttpIOException ex)
        {
            return (text.ToString(), ex);
        }
        catch (IOException ex)
        {
            return (text.ToString(), ex);
        }

        return (text.ToString(), null);
    }

    [Fact]
    public async Task TenantBudget_Exceeded_Is429InsufficientQuota_ForThatTenantOnly()
    {
        await using var host = await GatewayHost.StartAsync(config: new() { ["AssistantProviders:Budgets:Tenants:team-b:Daily"] = "0.00000001" });
        using var a = host.Client(GatewayHost.KeyA);
        using var b = host.Client(GatewayHost.KeyB);

        var (okResponse, _) = await PostAsync(a, "v1/chat/completions", Chat);
        var (response, body) = await PostAsync(b, "v1/chat/completions", Chat);

        okResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        ShouldBeOpenAIError(body, "insufficient_quota", "insufficient_quota", null);
        host.Emulator.Requests.Count.ShouldBe(1); // team-b's call never left the gateway
    }

    [Fact]
    public async Task TenantAllowList_AppliesToTheKeysTenant()
    {
        await using var host = await GatewayHost.StartAsync(
            providers: b => b.AddEmulator().AddSecurity(),
            config: new() { ["AssistantProviders:Security:Tenants:team-b:AllowedProviders:0"] = "openai" });
        using var a = host.Client(GatewayHost.KeyA);
        using var b = host.Client(GatewayHost.KeyB);

        var (okResponse, _) = await PostAsync(a, "v1/chat/completions", Chat);
        var (response, body) = await PostAsync(b, "v1/chat/completions", Chat);

        okResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        ((string?)Json(body)["error"]!["code"]).ShouldBe("no_eligible_route");
    }

    [Fact]
    public async Task PerKeyConcurrencyCap_RefusesTheSecondRequestInFlight()
    {
        await using var host = await GatewayHost.StartAsync(gateway: o => o.MaxConcurrentRequestsPerKey = 1);
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.StallAfterChunks, Chunks = 2, Count = 1 });
        using var client = host.Client();

        using var stalled = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(Stream, System.Text.Encoding.UTF8, "application/json") };
        using var first = await client.SendAsync(stalled, HttpCompletionOption.ResponseHeadersRead, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK); // headers are out: the stream is in flight, stalled upstream

        var (second, body) = await PostAsync(client, "v1/chat/completions", Chat);
        using var other = host.Client(GatewayHost.KeyB);
        var (otherTenant, _) = await PostAsync(other, "v1/chat/completions", Chat);

        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        ((string?)Json(body)["error"]!["code"]).ShouldBe("concurrency_limit_exceeded");
        otherTenant.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
