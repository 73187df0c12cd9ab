// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Resilience;

/// <summary>
/// From a raw HTTP response's rate-limit headers, read by the transport's parser (<see cref="RetryAfterParser.ParseRateLimits"/>),
/// through the router's adaptation (<c>RateLimitAdaptation</c>, <c>VendorRateLimitState</c>) to the decision: is the route held
/// back on the next request, and until when. Every vendor shape: OpenAI/Groq/Together <c>x-ratelimit-*</c>, Anthropic
/// <c>anthropic-ratelimit-*</c> (RFC 3339 resets), Mistral-style <c>x-ratelimit-*-minute</c>.
/// </summary>
public sealed class VendorHeaderDecisionTests
{
    /// <summary>Route "a" answers the first call with the given headers; returns the harness, ready for the next calls.</summary>
    private static RouterHarness Harness(out TestProvider a, params (string Name, string Value)[] headers)
    {
        var harness = new RouterHarness();
        a = harness.Add("a");
        harness.Add("b");
        var time = harness.Time;
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? Parse(headers, time.GetUtcNow()) : null));
        return harness;
    }

    private static ProviderRateLimits? Parse((string Name, string Value)[] headers, DateTimeOffset now)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterParser.ParseRateLimits(response.Headers, now);
    }

    private static ChatResponse Reply(ProviderRateLimits? limits)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        if (limits is not null)
        {
            response.AdditionalProperties = new() { [ProviderRateLimits.Key] = limits };
        }

        return response;
    }

    private static async Task<string> Next(RouterHarness harness, string text = "next") =>
        (string)(await harness.Chat.GetResponseAsync(text)).AdditionalProperties![AssistantProviderProperties.Provider]!;

    [Theory]
    [InlineData("x-ratelimit-remaining-requests", "x-ratelimit-reset-requests", "20s")] // OpenAI, Groq, Together
    [InlineData("x-ratelimit-remaining-requests", "x-ratelimit-reset-requests", "0m20s")] // Groq's Go-style durations
    [InlineData("x-ratelimit-remaining-requests", "x-ratelimit-reset-requests", "20000ms")]
    [InlineData("x-ratelimit-remaining-req-minute", "x-ratelimit-reset-requests", "20s")] // Mistral-style per-minute count
    [InlineData("anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset", "2025-01-01T00:00:20Z")] // Anthropic
    public async Task Zero_requests_remaining_holds_the_route_until_the_reset(string remaining, string reset, string resetValue)
    {
        using var harness = Harness(out var a, (remaining, "0"), (reset, resetValue));

        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(19));
        (await Next(harness)).ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await Next(harness)).ShouldBe("a");
        a.Chat.Calls.ShouldBe(2);
    }

    [Theory]
    [InlineData("x-ratelimit-remaining-requests", "1", "x-ratelimit-reset-requests", "20s")]
    [InlineData("anthropic-ratelimit-requests-remaining", "1", "anthropic-ratelimit-requests-reset", "2025-01-01T00:00:20Z")]
    [InlineData("x-ratelimit-remaining-req-minute", "7", "x-ratelimit-reset-requests", "20s")]
    public async Task Requests_left_do_not_hold_the_route(string remaining, string count, string reset, string resetValue)
    {
        using var harness = Harness(out _, (remaining, count), (reset, resetValue));
        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("a");
    }

    [Theory]
    [InlineData("x-ratelimit-reset-requests", "0s")]
    [InlineData("anthropic-ratelimit-requests-reset", "2024-12-31T23:59:00Z")] // already past: clamped to zero
    [InlineData("anthropic-ratelimit-requests-reset", "soon")]
    public async Task Zero_remaining_without_a_future_reset_does_not_hold_the_route(string reset, string value)
    {
        using var harness = Harness(out _, ("x-ratelimit-remaining-requests", "0"), (reset, value));
        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("a");
    }

    [Fact]
    public async Task Unusable_remaining_count_does_not_hold_the_route()
    {
        using var harness = Harness(out _, ("x-ratelimit-remaining-requests", "-1"), ("x-ratelimit-reset-requests", "20s"));
        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("a");
    }

    [Fact]
    public async Task An_anthropic_reset_days_away_is_capped_by_MaxRetryAfter()
    {
        using var harness = Harness(out _, ("anthropic-ratelimit-requests-remaining", "0"), ("anthropic-ratelimit-requests-reset", "2025-01-03T00:00:00Z"));
        var maxHold = new global::AssistantProviders.Routing.RoutingOptions().MaxRetryAfter;
        maxHold.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
        maxHold.ShouldBeLessThan(TimeSpan.FromDays(1));

        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("b");
        harness.Time.Advance(maxHold);
        (await Next(harness)).ShouldBe("a");
    }

    [Theory]
    [InlineData("x-ratelimit-remaining-tokens", "10", "x-ratelimit-reset-tokens", "6s")]
    [InlineData("x-ratelimit-remaining-tokens-minute", "10", "x-ratelimit-reset-tokens", "6s")]
    [InlineData("anthropic-ratelimit-tokens-remaining", "10", "anthropic-ratelimit-tokens-reset", "2025-01-01T00:00:06Z")]
    [InlineData("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6s")]
    public async Task Fewer_tokens_left_than_the_request_needs_holds_the_route_until_the_token_reset(string remaining, string count, string reset, string resetValue)
    {
        using var harness = Harness(out _, (remaining, count), (reset, resetValue));
        harness.Accounting.InputTokens = 500; // the request needs far more than the 10 left

        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        (await Next(harness)).ShouldBe("a");
    }

    [Fact]
    public async Task Enough_tokens_left_does_not_hold_the_route()
    {
        using var harness = Harness(out _, ("x-ratelimit-remaining-tokens", "100000"), ("x-ratelimit-reset-tokens", "6s"));
        harness.Accounting.InputTokens = 500;
        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("a");
    }

    [Fact]
    public async Task A_token_count_without_a_reset_does_not_hold_the_route()
    {
        using var harness = Harness(out _, ("anthropic-ratelimit-tokens-remaining", "0"));
        harness.Accounting.InputTokens = 500;
        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("a");
    }

    [Fact]
    public async Task A_key_pool_ignores_the_headers()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o =>
        {
            o.ApiKey = "key-one-for-the-pool";
            o.ApiKeys.Add(new ApiKey("key-two-for-the-pool"));
        });
        harness.Add("b");
        var time = harness.Time;
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(Parse([("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "20s")], time.GetUtcNow())));

        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("a");
    }

    [Fact]
    public async Task A_single_pool_key_equal_to_the_api_key_is_no_pool()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o =>
        {
            o.ApiKey = "the-only-key-in-use";
            o.ApiKeys.Add(new ApiKey("the-only-key-in-use"));
        });
        harness.Add("b");
        var time = harness.Time;
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? Parse([("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "20s")], time.GetUtcNow()) : null));

        (await Next(harness, "first")).ShouldBe("a");
        (await Next(harness)).ShouldBe("b");
    }
}
