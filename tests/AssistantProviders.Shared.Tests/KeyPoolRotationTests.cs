// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Shared.Tests;

/// <summary>Key pools in <see cref="ProviderTransport"/>: rotation on 401/402/429, cooling, disabling, round robin, budget, no key in logs.</summary>
public sealed class KeyPoolRotationTests
{
    private const string KeyA = "sk-pool-AAAA-secret-0001";
    private const string KeyB = "sk-pool-BBBB-secret-0002";
    private const string KeyC = "sk-pool-CCCC-secret-0003";
    private const string Ok = """{"ok":true}""";
    private const string RateLimited = """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""";
    private const string Unauthorized = """{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task Http429_on_key_A_resends_the_same_request_with_key_B_and_later_requests_prefer_B()
    {
        var limitedOnce = false;
        var handler = Handler(8, key => key == KeyA && !limitedOnce
            ? Status(HttpStatusCode.TooManyRequests, RateLimited, retryAfterSeconds: 30, then: () => limitedOnce = true)
            : Status(HttpStatusCode.OK, Ok));
        using var transport = Transport(handler, KeyA, KeyB);

        using (var response = await Send(transport, """{"q":1}"""))
        {
            response.Message.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        handler.Requests.Select(BearerOf).ShouldBe([KeyA, KeyB]);
        handler.Requests[1].Body.ShouldBe(handler.Requests[0].Body);
        handler.Requests[1].Body.ShouldBe("""{"q":1}""");
        handler.Requests[1].Uri.ShouldBe(handler.Requests[0].Uri);

        // A cools down for its Retry-After: the next two requests go to B only.
        (await Send(transport, "{}")).Dispose();
        (await Send(transport, "{}")).Dispose();
        handler.Requests.Skip(2).Select(BearerOf).ShouldBe([KeyB, KeyB]);

        // After the Retry-After, A is healthy again and round robin resumes.
        _time.Advance(TimeSpan.FromSeconds(30));
        (await Send(transport, "{}")).Dispose();
        (await Send(transport, "{}")).Dispose();
        handler.Requests.Skip(4).Select(BearerOf).ShouldBe([KeyA, KeyB], ignoreOrder: true);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.PaymentRequired)]
    public async Task Http401_or_402_disables_the_key_for_the_process(HttpStatusCode status)
    {
        var handler = Handler(6, key => key == KeyA ? Status(status, Unauthorized) : Status(HttpStatusCode.OK, Ok));
        using var transport = Transport(handler, KeyA, KeyB);

        (await Send(transport, "{}")).Dispose();
        _time.Advance(TimeSpan.FromDays(3));
        (await Send(transport, "{}")).Dispose();
        (await Send(transport, "{}")).Dispose();

        handler.Requests.Select(BearerOf).ShouldBe([KeyA, KeyB, KeyB, KeyB]);
    }

    [Fact]
    public async Task Rotation_budget_is_one_try_per_key_then_the_last_error_surfaces()
    {
        var handler = Handler(10, _ => Status(HttpStatusCode.TooManyRequests, RateLimited, retryAfterSeconds: 7));
        using var transport = Transport(handler, KeyA, KeyB, KeyC);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => Send(transport, "{}"));

        handler.Requests.Count.ShouldBe(3);
        handler.Requests.Select(BearerOf).ShouldBe([KeyA, KeyB, KeyC]);
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.ToString().ShouldNotContain(KeyC);
    }

    [Fact]
    public async Task Every_key_cooling_sends_with_the_key_that_recovers_first_and_does_not_rotate_again()
    {
        var handler = Handler(10, key => key == KeyA
            ? Status(HttpStatusCode.TooManyRequests, RateLimited, retryAfterSeconds: 10)
            : Status(HttpStatusCode.TooManyRequests, RateLimited, retryAfterSeconds: 40));
        using var transport = Transport(handler, KeyA, KeyB);
        await Should.ThrowAsync<RateLimitedException>(() => Send(transport, "{}"));
        handler.Requests.Count.ShouldBe(2);

        await Should.ThrowAsync<RateLimitedException>(() => Send(transport, "{}"));

        handler.Requests.Count.ShouldBe(3);
        BearerOf(handler.Requests[2]).ShouldBe(KeyA);
    }

    [Fact]
    public async Task Healthy_keys_are_used_round_robin()
    {
        var handler = Handler(4, _ => Status(HttpStatusCode.OK, Ok));
        using var transport = Transport(handler, KeyA, KeyB);

        for (var i = 0; i < 4; i++)
        {
            (await Send(transport, "{}")).Dispose();
        }

        handler.Requests.Select(BearerOf).ShouldBe([KeyA, KeyB, KeyA, KeyB]);
    }

    [Fact]
    public async Task Server_errors_never_rotate_keys()
    {
        var handler = Handler(4, _ => Status(HttpStatusCode.InternalServerError, """{"error":{"message":"boom"}}"""));
        using var transport = Transport(handler, KeyA, KeyB);

        await Should.ThrowAsync<AssistantProviderException>(() => Send(transport, "{}"));

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_single_key_is_never_resent()
    {
        var handler = Handler(4, _ => Status(HttpStatusCode.TooManyRequests, RateLimited));
        using var transport = Transport(handler, KeyA);

        await Should.ThrowAsync<RateLimitedException>(() => Send(transport, "{}"));

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_streamed_body_is_buffered_and_resent_byte_for_byte()
    {
        var handler = Handler(4, key => key == KeyA ? Status(HttpStatusCode.TooManyRequests, RateLimited) : Status(HttpStatusCode.OK, Ok));
        using var transport = Transport(handler, KeyA, KeyB);
        var payload = "audio-bytes-" + new string('x', 5000);
        var request = new HttpRequestMessage(HttpMethod.Post, transport.Resolve("audio/transcriptions"))
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(payload))),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");
        request.Headers.TryAddWithoutValidation("x-custom", "kept");

        using var response = await transport.SendAsync(request, "m", streaming: false, TestContext.Current.CancellationToken);

        handler.Requests.Count.ShouldBe(2);
        handler.Requests[1].Body.ShouldBe(payload);
        handler.Requests[1].Headers["x-custom"].ShouldBe("kept");
    }

    [Fact]
    public async Task Logs_name_key_fingerprints_never_the_keys()
    {
        var handler = Handler(4, key => key == KeyA ? Status(HttpStatusCode.TooManyRequests, RateLimited) : Status(HttpStatusCode.OK, Ok));
        using var transport = Transport(handler, KeyA, KeyB);

        (await Send(transport, "{}")).Dispose();

        var logs = string.Join("\n", _logger.Messages);
        logs.ShouldContain(new ApiKey(KeyA).Fingerprint());
        logs.ShouldContain(new ApiKey(KeyB).Fingerprint());
        logs.ShouldNotContain(KeyA);
        logs.ShouldNotContain(KeyB);
        logs.ShouldNotContain("AAAA");
    }

    [Fact]
    public async Task Clients_sharing_the_options_share_the_key_health()
    {
        var handler = Handler(6, key => key == KeyA ? Status(HttpStatusCode.Unauthorized, Unauthorized) : Status(HttpStatusCode.OK, Ok));
        var options = new TestOptions { ApiKey = KeyA };
        options.ApiKeys.Add(new ApiKey(KeyB));
        using var first = new ProviderTransport(TestWire.Descriptor(), options, new HttpClient(handler), ProviderAuth.Bearer, _logger, _time);
        using var second = new ProviderTransport(TestWire.Descriptor(), options, new HttpClient(handler), ProviderAuth.Bearer, _logger, _time);

        (await Send(first, "{}")).Dispose();
        (await Send(second, "{}")).Dispose();
        (await Send(second, "{}")).Dispose();

        handler.Requests.Select(BearerOf).ShouldBe([KeyA, KeyB, KeyB, KeyB]);
    }

    private static string BearerOf(RecordedRequest request) =>
        request.Headers.TryGetValue("Authorization", out var value) ? value["Bearer ".Length..] : string.Empty;

    private static VerbatimHttpHandler Handler(int responses, Func<string, HttpResponseMessage> byKey)
    {
        var handler = new VerbatimHttpHandler();
        for (var i = 0; i < responses; i++)
        {
            handler.Respond((request, _, _) => Task.FromResult(byKey(request.Headers.Authorization?.Parameter ?? string.Empty)));
        }

        return handler;
    }

    private static HttpResponseMessage Status(HttpStatusCode status, string body, int? retryAfterSeconds = null, Action? then = null)
    {
        then?.Invoke();
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static Task<ProviderResponse> Send(ProviderTransport transport, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, transport.Resolve("chat/completions"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return transport.SendAsync(request, "m", streaming: false, TestContext.Current.CancellationToken);
    }

    private ProviderTransport Transport(VerbatimHttpHandler handler, params string[] keys)
    {
        var options = new TestOptions { ApiKey = keys[0] };
        foreach (var key in keys.Skip(1))
        {
            options.ApiKeys.Add(new ApiKey(key));
        }

        return new ProviderTransport(TestWire.Descriptor(), options, new HttpClient(handler), ProviderAuth.Bearer, _logger, _time);
    }
}
