// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Adversarial.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Adversarial.Tests.Holds;

/// <summary>A server that asks the router to stay away for a day, a century or forever: the hold is capped by MaxRetryAfter.</summary>
public sealed class HoldTests
{
    [Theory(Timeout = 15_000)]
    [InlineData("openai", "Retry-After: 999999999")]
    [InlineData("anthropic", "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("gemini", "retry-after-ms: 999999999999999")]
    [InlineData("cohere", "Retry-After: 86400")]
    public async Task An_absurd_Retry_After_is_bounded_on_the_error(string vendor, string header)
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(429, """{"error":{"message":"slow down","type":"rate_limit"}}""", "application/json", header)));
        await using var router = new Router(b => b.Add(vendor, server, Vendors.NewKey()), routing: r =>
        {
            r.MaxAttempts = 1;
            r.MaxRetryAfter = TimeSpan.FromSeconds(30);
        });

        var outcome = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        // The error carries the vendor's requested delay (RateLimitedException's contract), bounded by the parser's
        // one-day ceiling so that no absurd value overflows; the router's own hold is what MaxRetryAfter caps
        // (The_only_route_comes_back_after_MaxRetryAfter_whatever_the_server_asked).
        var error = outcome.ShouldFailWith<RateLimitedException>();
        error.RetryAfter.ShouldBe(TimeSpan.FromDays(1), "every case asks for a day or more");
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai", "x-ratelimit-remaining-requests: 0", "x-ratelimit-reset-requests: 23h59m59s")]
    [InlineData("openai", "x-ratelimit-remaining-tokens: 0", "x-ratelimit-reset-tokens: 9999999s")]
    [InlineData("anthropic", "anthropic-ratelimit-requests-remaining: 0", "anthropic-ratelimit-requests-reset: 9999-12-31T23:59:59Z")]
    public async Task A_vendor_hold_reported_on_a_200_never_locks_out_the_only_route(string vendor, string remaining, string reset)
    {
        // The first call is whole and the second streamed: each gets the shape it asked for, both carrying the vendor's hold.
        await using var server = new HostileServer(x => x.WriteAsync(x.Index == 0
            ? Wire.Response(200, Payloads.Complete(vendor, "m", "ok " + x.Index), "application/json", remaining, reset)
            : Wire.StreamHead(Payloads.StreamType(vendor), remaining, reset) + Payloads.StreamOpen(vendor, "m", "ok " + x.Index) + Payloads.StreamClose(vendor, "m")));
        await using var router = new Router(b => b.Add(vendor, server, Vendors.NewKey()), routing: r => r.MaxRetryAfter = TimeSpan.FromSeconds(30));

        var first = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);
        var second = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        first.ShouldSucceed().Text.ShouldBe("ok 0");
        second.ShouldSucceed().Text.ShouldBe("ok 1");

        server.Count.ShouldBe(2, "the only route is never held back by a vendor's report");
    }

    [Fact(Timeout = 15_000)]
    public async Task An_absurd_Retry_After_on_one_route_moves_traffic_to_the_other_without_waiting()
    {
        await using var holding = new HostileServer(x => x.WriteAsync(Wire.Response(503, """{"error":{"message":"maintenance"}}""", "application/json", "Retry-After: 999999999")));
        await using var healthy = new HostileServer(x => x.WriteAsync(Wire.Response(200, Payloads.Complete("anthropic", "m", "from b"))));
        await using var router = new Router(b => b.Add("openai", holding, Vendors.NewKey()).Add("anthropic", healthy, Vendors.NewKey()), routing: r => r.MaxRetryAfter = TimeSpan.FromSeconds(30));

        var first = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);
        var second = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        first.ShouldSucceed().Text.ShouldBe("from b");
        second.ShouldSucceed().Text.ShouldBe("from b");
        holding.Count.ShouldBe(1, "the held route cools down instead of being retried at once");
        first.Response.ShouldNotBeNull().AdditionalProperties.ShouldNotBeNull()["provider"].ShouldBe("anthropic");
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai", "Retry-After: 999999999")]
    [InlineData("gemini", "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task The_only_route_comes_back_after_MaxRetryAfter_whatever_the_server_asked(string vendor, string header)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = new HostileServer(x => x.WriteAsync(x.Index == 0
            ? Wire.Response(429, """{"error":{"message":"slow down"}}""", "application/json", header)
            : Wire.Response(200, Payloads.Complete(vendor, "m", "back"))));
        await using var router = new Router(
            b => b.Add(vendor, server, Vendors.NewKey()),
            routing: r =>
            {
                r.MaxAttempts = 1;
                r.MaxRetryAfter = TimeSpan.FromSeconds(30);
            },
            services: s => s.AddSingleton<TimeProvider>(time));

        var first = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(31));
        var later = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        first.ShouldFailWith<RateLimitedException>();
        later.ShouldSucceed().Text.ShouldBe("back");
    }
}
