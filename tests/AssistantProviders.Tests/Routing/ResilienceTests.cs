// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using AssistantProviders.Routing;
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Routing;

public sealed class ResilienceTests
{
    [Fact]
    public async Task T05_429_with_RetryAfter_2s_cools_the_route_down_for_2s()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (call, _, _) => call == 0
            ? throw new RateLimitedException("slow down") { StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(2) }
            : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "a")));
        var start = harness.Time.GetUtcNow();

        (await harness.Chat.GetResponseAsync("1")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        harness.Health.GetProvider("a").Single().CooldownUntil.ShouldBe(start + TimeSpan.FromSeconds(2));
        a.Chat.Calls.ShouldBe(1);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Chat.Calls.ShouldBe(1);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.Chat.GetResponseAsync("3")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task T06_RetryAfter_410000s_is_clamped_to_MaxRetryAfter_and_never_slept()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new RateLimitedException("quota") { StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(410000) };
        var start = harness.Time.GetUtcNow();

        var response = await harness.Chat.GetResponseAsync("hi").Guard();

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        harness.Health.GetProvider("a").Single().CooldownUntil.ShouldBe(start + TimeSpan.FromSeconds(60));
        harness.LogText().ShouldContain("clamped");
    }

    [Fact]
    public async Task T06b_the_only_route_is_never_cooled_down()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        a.Chat.Respond = (call, _, _) => call == 0
            ? throw new RateLimitedException("slow down") { StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(30) }
            : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "a")));

        await Should.ThrowAsync<RateLimitedException>(harness.Chat.GetResponseAsync("1"));

        harness.Health.GetProvider("a").Single().CooldownUntil.ShouldBeNull();
        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task T07_persistent_429_without_header_makes_bounded_attempts_with_jitter_then_fails_over()
    {
        using var harness = new RouterHarness(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.MaxRetriesPerRoute = 2;
            o.MaxAttempts = 4;
        });
        harness.NextRandom = 0.5; // jitter factor 1.0: delays of 1 s then 2 s
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new RateLimitedException("busy") { StatusCode = 429 };

        var call = harness.Chat.GetResponseAsync("hi");
        await WaitForCalls(a.Chat, 1);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForCalls(a.Chat, 2);
        call.IsCompleted.ShouldBeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var response = await call.Guard();

        a.Chat.Calls.ShouldBe(3);
        b.Chat.Calls.ShouldBe(1);
        var attempts = (IReadOnlyList<RouteAttempt>)response.AdditionalProperties![AssistantProviderProperties.Attempts]!;
        attempts.Select(x => x.ErrorKind).ShouldBe([ProviderErrorKind.RateLimited, ProviderErrorKind.RateLimited, ProviderErrorKind.RateLimited, null]);
    }

    [Fact]
    public async Task T07b_attempts_are_bounded_by_MaxAttempts_across_routes()
    {
        using var harness = new RouterHarness(o => o.MaxAttempts = 2);
        var providers = new[] { harness.Add("a"), harness.Add("b"), harness.Add("c") };
        foreach (var p in providers)
        {
            p.Chat.Respond = (_, _, _) => throw new HttpRequestException("boom", null, HttpStatusCode.InternalServerError);
        }

        await Should.ThrowAsync<HttpRequestException>(harness.Chat.GetResponseAsync("hi"));

        providers.Sum(p => p.Chat.Calls).ShouldBe(2);
    }

    [Fact]
    public async Task T11_45s_non_streaming_call_with_10s_attempt_timeout_is_sent_once()
    {
        using var harness = new RouterHarness(o => o.Timeouts.Total = TimeSpan.FromSeconds(10));
        var a = harness.Add("a");
        a.Chat.Respond = async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(45), harness.Time, ct);
            return new ChatResponse();
        };

        var call = harness.Chat.GetResponseAsync("hi");
        await a.Chat.Started.Task.Guard();
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        var error = await Should.ThrowAsync<ProviderTimeoutException>(call.Guard());
        error.MayHaveBeenBilled.ShouldBeTrue();
        a.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task T11b_AllowDuplicateBilling_lets_a_timed_out_call_be_sent_again()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Timeouts.Total = TimeSpan.FromSeconds(10);
            o.AllowDuplicateBilling = true;
        });
        var a = harness.Add("a");
        a.Chat.Respond = async (call, _, ct) =>
        {
            if (call == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(45), harness.Time, ct);
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        };

        var call = harness.Chat.GetResponseAsync("hi");
        await a.Chat.Started.Task.Guard();
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        (await call.Guard()).Text.ShouldBe("ok");
        a.Chat.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task T12_primary_down_60s_fallback_serves_20_requests_half_open_sends_one_probe_then_traffic_returns()
    {
        using var harness = new RouterHarness(o =>
        {
            o.MaxRetriesPerRoute = 0;
            o.DefaultCooldown = TimeSpan.Zero;
        });
        var a = harness.Add("a");
        var b = harness.Add("b");
        var downUntil = harness.Time.GetUtcNow() + TimeSpan.FromSeconds(60);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        a.Chat.Respond = async (_, _, _) =>
        {
            if (harness.Time.GetUtcNow() < downUntil)
            {
                throw new HttpRequestException("down", null, HttpStatusCode.ServiceUnavailable);
            }

            await gate.Task;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "a"));
        };

        for (var i = 0; i < 20; i++)
        {
            var response = await harness.Chat.GetResponseAsync("hi").Guard();
            response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
            harness.Time.Advance(TimeSpan.FromSeconds(3));
        }

        // 3 failures open the breaker (t=0..6), one half-open probe at t=36 fails and reopens it.
        a.Chat.Calls.ShouldBe(4);
        b.Chat.Calls.ShouldBe(20);
        harness.Health.GetProvider("a").Single().CircuitState.ShouldBe(RouteCircuitState.Open);

        // The break ends: exactly one probe goes to the primary while another request goes to the fallback.
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Chat.Started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = harness.Chat.GetResponseAsync("probe");
        await a.Chat.Started.Task.Guard();
        var during = await harness.Chat.GetResponseAsync("during").Guard();
        during.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Chat.Calls.ShouldBe(5);
        gate.SetResult();
        (await probe.Guard()).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");

        // Traffic returns to the primary.
        (await harness.Chat.GetResponseAsync("after")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        harness.Health.GetProvider("a").Single().CircuitState.ShouldBe(RouteCircuitState.Closed);
    }

    [Fact]
    public async Task T13_route_at_5_requests_per_minute_all_failing_trips_the_breaker()
    {
        using var harness = new RouterHarness(o =>
        {
            o.MaxRetriesPerRoute = 0;
            o.DefaultCooldown = TimeSpan.Zero;
        });
        var a = harness.Add("a", o => o.RequestsPerMinute = 5);
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new HttpRequestException("err", null, HttpStatusCode.InternalServerError);

        for (var i = 0; i < 5; i++)
        {
            await harness.Chat.GetResponseAsync("hi");
            harness.Time.Advance(TimeSpan.FromSeconds(10));
        }

        a.Chat.Calls.ShouldBe(3);
        harness.Health.GetProvider("a").Single().CircuitState.ShouldBe(RouteCircuitState.Open);
    }

    [Fact]
    public async Task Local_rate_limit_moves_to_the_next_candidate_and_never_counts_as_a_failure()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o => o.RequestsPerMinute = 2);
        harness.Add("b");

        var providers = new List<object?>();
        for (var i = 0; i < 3; i++)
        {
            providers.Add((await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider]);
        }

        providers.ShouldBe(["a", "a", "b"]);
        var health = harness.Health.GetProvider("a").Single();
        health.ErrorRate.ShouldBe(0);
        health.CircuitState.ShouldBe(RouteCircuitState.Closed);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        (await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task WaitForRateLimit_waits_for_the_next_window_instead_of_moving_on()
    {
        using var harness = new RouterHarness(o => o.WaitForRateLimit = true);
        var a = harness.Add("a", o => o.RequestsPerMinute = 1);
        harness.Add("b");

        await harness.Chat.GetResponseAsync("1");
        var second = harness.Chat.GetResponseAsync("2");
        second.IsCompleted.ShouldBeFalse();
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        (await second.Guard()).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        a.Chat.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task T14_cancellation_before_headers_throws_OperationCanceled_without_failover()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Respond = async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), harness.Time, ct);
            return new ChatResponse();
        };
        using var cts = new CancellationTokenSource();

        var call = harness.Chat.GetResponseAsync("hi", cancellationToken: cts.Token);
        await a.Chat.Started.Task.Guard();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call.Guard());
        b.Chat.Calls.ShouldBe(0);
        harness.Health.GetProvider("a").Single().ErrorRate.ShouldBe(0);
    }

    [Fact]
    public async Task T14_cancellation_mid_stream_throws_OperationCanceled_without_failover()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Chat.Stream = (_, _, ct) => Streams.ThenStall(["t1"], TimeSpan.FromSeconds(5), harness.Time, stalled, ct);
        using var cts = new CancellationTokenSource();

        var collect = Streams.Collect(harness.Chat.GetStreamingResponseAsync("hi", cancellationToken: cts.Token));
        await stalled.Task.Guard();
        await cts.CancelAsync();
        var (updates, error) = await collect.Guard();

        updates.Count.ShouldBe(1);
        error.ShouldBeAssignableTo<OperationCanceledException>();
        b.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task T14_cancellation_during_backoff_throws_OperationCanceled_without_failover()
    {
        using var harness = new RouterHarness(o => o.RetryBaseDelay = TimeSpan.FromSeconds(5));
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable);
        using var cts = new CancellationTokenSource();

        var call = harness.Chat.GetResponseAsync("hi", cancellationToken: cts.Token);
        await a.Chat.Started.Task.Guard();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call.Guard());
        a.Chat.Calls.ShouldBe(1);
        b.Chat.Calls.ShouldBe(0);
    }

    private static async Task WaitForCalls(FakeChatClient client, int calls)
    {
        for (var i = 0; i < 2000 && client.Calls < calls; i++)
        {
            await Task.Yield();
        }

        client.Calls.ShouldBe(calls);
    }
}
