// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Routing;

/// <summary>Tokens-per-minute admission charges the estimate, then settles on the real usage.</summary>
public sealed class TokenSettleTests
{
    [Fact]
    public async Task Usage_above_the_estimate_is_charged_to_the_window()
    {
        using var harness = new RouterHarness();
        harness.Accounting.InputTokens = 10;
        var a = harness.Add("a", o => o.TokensPerMinute = 100);
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Used(total: 60));

        var served = new List<object?>();
        for (var i = 0; i < 3; i++)
        {
            served.Add((await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider]);
        }

        // 60 after the first call, 100 (capped) after the second: the third no longer fits. On the estimate alone all three would.
        served.ShouldBe(["a", "a", "b"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        (await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task Usage_below_the_estimate_is_given_back()
    {
        using var harness = new RouterHarness();
        harness.Accounting.InputTokens = 10;
        var a = harness.Add("a", o => o.TokensPerMinute = 30);
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Used(input: 1, output: 1));

        for (var i = 0; i < 10; i++)
        {
            (await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        }

        a.Chat.Calls.ShouldBe(10);
    }

    [Fact]
    public async Task Streamed_usage_settles_the_charge()
    {
        using var harness = new RouterHarness();
        harness.Accounting.InputTokens = 10;
        var a = harness.Add("a", o => o.TokensPerMinute = 100);
        harness.Add("b");
        a.Chat.Stream = (_, _, ct) => WithUsage(FakeChatClient.Updates(["x", "y"], ct), 95);

        var (updates, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync("1"));
        error.ShouldBeNull();
        updates.ShouldNotBeEmpty();

        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
    }

    [Fact]
    public async Task No_reported_usage_keeps_the_estimate()
    {
        using var harness = new RouterHarness();
        harness.Accounting.InputTokens = 10;
        var a = harness.Add("a", o => o.TokensPerMinute = 30);
        harness.Add("b");

        var served = new List<object?>();
        for (var i = 0; i < 4; i++)
        {
            served.Add((await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider]);
        }

        served.ShouldBe(["a", "a", "a", "b"]);
    }

    [Fact]
    public void A_credit_is_only_given_back_in_the_window_that_was_charged()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var limiter = new LocalRateLimiter(10, time);
        var window = limiter.WindowStart;
        limiter.TryAcquire(10).ShouldBeTrue();
        limiter.TryAcquire(1).ShouldBeFalse();

        limiter.Adjust(-4, window).ShouldBe(-4);
        limiter.TryAcquire(4).ShouldBeTrue();
        limiter.TryAcquire(1).ShouldBeFalse();

        time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire(10).ShouldBeTrue();
        limiter.Adjust(-5, window).ShouldBe(0);
        limiter.TryAcquire(1).ShouldBeFalse();
    }

    [Fact]
    public void A_charge_takes_at_most_what_is_left_and_an_adopted_limit_keeps_what_was_taken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var limiter = new LocalRateLimiter(10, time);
        limiter.TryAcquire(3).ShouldBeTrue();

        limiter.Adjust(20, limiter.WindowStart).ShouldBe(7);
        limiter.TryAcquire(1).ShouldBeFalse();

        time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire(4).ShouldBeTrue();
        limiter.Adopt(5).ShouldBeTrue();
        limiter.Limit.ShouldBe(5);
        limiter.TryAcquire(1).ShouldBeTrue();
        limiter.TryAcquire(1).ShouldBeFalse();
        limiter.Adopt(50).ShouldBeTrue();
        limiter.Limit.ShouldBe(10);
        limiter.Adopt(50).ShouldBeFalse();
    }

    private static ChatResponse Used(long? total = null, long? input = null, long? output = null) =>
        new(new ChatMessage(ChatRole.Assistant, "ok"))
        {
            Usage = new UsageDetails { TotalTokenCount = total, InputTokenCount = input, OutputTokenCount = output },
        };

    private static async IAsyncEnumerable<ChatResponseUpdate> WithUsage(IAsyncEnumerable<ChatResponseUpdate> updates, long total)
    {
        await foreach (var update in updates)
        {
            yield return update;
        }

        yield return new ChatResponseUpdate { Role = ChatRole.Assistant, Contents = [new UsageContent(new UsageDetails { TotalTokenCount = total })] };
    }
}
