// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using AssistantProviders.Routing;

namespace AssistantProviders.Tests.Routing;

public sealed class StreamingFailoverTests
{
    public static TheoryData<string> FirstUpdateFailures => ["status", "reset", "bad-first-chunk"];

    [Theory]
    [MemberData(nameof(FirstUpdateFailures))]
    public async Task T01_failure_before_first_update_fails_over_and_caller_sees_only_route_2(string failure)
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Stream = failure switch
        {
            "status" => (_, _, _) => throw new HttpRequestException("503", null, HttpStatusCode.ServiceUnavailable),
            "reset" => (_, _, ct) => Streams.ThenFail([], new IOException("connection reset"), ct),
            _ => (_, _, ct) => Streams.ThenFail([], new InvalidResponseException("bad json in first chunk"), ct),
        };
        b.Chat.Stream = (_, _, ct) => FakeChatClient.Updates(["b1", "b2"], ct);

        var (updates, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync("hi")).Guard();

        error.ShouldBeNull();
        updates.Select(u => u.Text).Where(t => t.Length > 0).ShouldBe(["b1", "b2"]);
        updates.ShouldAllBe(u => (string)u.AdditionalProperties![AssistantProviderProperties.Provider]! == "b");
        var attempts = (IReadOnlyList<RouteAttempt>)updates[^1].AdditionalProperties![AssistantProviderProperties.Attempts]!;
        attempts[^1].ShouldBe(attempts[^1] with { Provider = "b", Outcome = RouteAttemptOutcome.Succeeded });
        attempts.SkipLast(1).ShouldAllBe(x => x.Provider == "a" && x.Outcome == RouteAttemptOutcome.Failed);
        a.Chat.Calls.ShouldBe(attempts.Count - 1);
        b.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task T02_reset_after_N_tokens_does_not_fail_over_and_caller_keeps_N_then_IncompleteStream()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Stream = (_, _, ct) => Streams.ThenFail(["t1", "t2", "t3"], new IOException("connection reset by peer"), ct);

        var (updates, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync("hi")).Guard();

        updates.Select(u => u.Text).ShouldBe(["t1", "t2", "t3"]);
        var incomplete = error.ShouldBeOfType<IncompleteStreamException>();
        incomplete.MayHaveBeenBilled.ShouldBeTrue();
        incomplete.ProviderId.ShouldBe("a");
        b.Chat.Calls.ShouldBe(0);
        harness.Accounting.Released.ShouldHaveSingleItem().Result.Billed.ShouldBeTrue();
    }

    [Fact]
    public async Task T03_stream_without_terminator_surfaces_IncompleteStreamException()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Stream = (_, _, ct) => Streams.ThenFail(["t1", "t2"], new IncompleteStreamException("no [DONE]") { ProviderId = "a" }, ct);

        var (updates, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync("hi")).Guard();

        updates.Count.ShouldBe(2);
        error.ShouldBeOfType<IncompleteStreamException>().Message.ShouldBe("no [DONE]");
        b.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task T03b_empty_stream_is_a_failure_and_fails_over()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Stream = (_, _, ct) => Streams.ThenFail([], null, ct);

        var (updates, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync("hi")).Guard();

        error.ShouldBeNull();
        updates.ShouldAllBe(u => (string)u.AdditionalProperties![AssistantProviderProperties.Provider]! == "b");
        b.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task T04_thirty_second_mid_stream_stall_fires_the_idle_timeout()
    {
        using var harness = new RouterHarness(o => o.Timeouts.IdleBetweenChunks = TimeSpan.FromSeconds(10));
        var a = harness.Add("a");
        var b = harness.Add("b");
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Chat.Stream = (_, _, ct) => Streams.ThenStall(["t1"], TimeSpan.FromSeconds(30), harness.Time, stalled, ct);

        await using var enumerator = harness.Chat.GetStreamingResponseAsync("hi").GetAsyncEnumerator();
        (await enumerator.MoveNextAsync().AsTask().Guard()).ShouldBeTrue();
        enumerator.Current.Text.ShouldBe("t1");
        var next = enumerator.MoveNextAsync().AsTask();
        await stalled.Task.Guard();
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        var error = await Should.ThrowAsync<ProviderTimeoutException>(next.Guard());
        error.Message.ShouldContain("idle between chunks");
        b.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task T04b_caller_holding_an_update_longer_than_the_idle_timeout_does_not_trip_it()
    {
        using var harness = new RouterHarness(o => o.Timeouts.IdleBetweenChunks = TimeSpan.FromSeconds(10));
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Stream = (_, _, ct) => FakeChatClient.Updates(["t1", "t2"], ct);

        await using var enumerator = harness.Chat.GetStreamingResponseAsync("hi").GetAsyncEnumerator();
        (await enumerator.MoveNextAsync().AsTask().Guard()).ShouldBeTrue();
        enumerator.Current.Text.ShouldBe("t1");

        // The caller is slow (30 s with the update in hand): the idle timer measures the provider, not the caller.
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        (await enumerator.MoveNextAsync().AsTask().Guard()).ShouldBeTrue();
        enumerator.Current.Text.ShouldBe("t2");
        var texts = new List<string>();
        while (await enumerator.MoveNextAsync().AsTask().Guard())
        {
            texts.Add(enumerator.Current.Text);
        }

        texts.ShouldAllBe(t => t.Length == 0);
    }

    [Fact]
    public async Task T15_inner_timeout_before_first_token_counts_as_failure_and_fails_over()
    {
        using var harness = new RouterHarness(o => o.Timeouts.TimeToFirstToken = TimeSpan.FromSeconds(5));
        var a = harness.Add("a");
        var b = harness.Add("b");
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Chat.Stream = (_, _, ct) => Streams.ThenStall([], TimeSpan.FromSeconds(30), harness.Time, stalled, ct);

        var collect = Streams.Collect(harness.Chat.GetStreamingResponseAsync("hi"));
        await stalled.Task.Guard();
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var (updates, error) = await collect.Guard();

        error.ShouldBeNull();
        updates.Select(u => u.Text).Where(t => t.Length > 0).ShouldBe(["x", "y"]);
        var attempts = (IReadOnlyList<RouteAttempt>)updates[^1].AdditionalProperties![AssistantProviderProperties.Attempts]!;
        attempts[0].ErrorKind.ShouldBe(ProviderErrorKind.Timeout);
        var health = harness.Health.GetProvider("a").ShouldHaveSingleItem();
        health.ErrorRate.ShouldBeGreaterThan(0);
        health.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task T15b_non_streaming_inner_timeout_fails_over_to_the_next_provider()
    {
        using var harness = new RouterHarness(o => o.Timeouts.Total = TimeSpan.FromSeconds(10));
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Respond = async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(45), harness.Time, ct);
            return new ChatResponse();
        };

        var call = harness.Chat.GetResponseAsync("hi");
        await a.Chat.Started.Task.Guard();
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var response = await call.Guard();

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Final_update_carries_explanation_attempts_and_cost_and_every_update_names_the_provider()
    {
        using var harness = new RouterHarness();
        harness.Add("a", defaultModel: "m-a");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in harness.Chat.GetStreamingResponseAsync("hi"))
        {
            updates.Add(update);
        }

        updates.ShouldAllBe(u => (string)u.AdditionalProperties![AssistantProviderProperties.Provider]! == "a");
        var final = updates[^1];
        final.AdditionalProperties![AssistantProviderProperties.RouteExplanation].ShouldBeOfType<RouteExplanation>().Selected.ShouldBe("a/m-a");
        final.GetCost()!.Total.ShouldBe(0.001m);
        var merged = updates.ToChatResponse();
        // MEAI's ToChatResponse moves update properties onto the message.
        merged.Messages[^1].AdditionalProperties![AssistantProviderProperties.Cost].ShouldBeOfType<CostDetails>();
        updates.ToChatResponse().Text.ShouldBe("xy");
        harness.Accounting.Settled.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Caller_breaking_out_disposes_the_inner_stream_and_releases_the_attempt()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var disposed = false;
        a.Chat.Stream = (_, _, ct) => Endless(() => disposed = true, ct);

        await foreach (var update in harness.Chat.GetStreamingResponseAsync("hi"))
        {
            break;
        }

        disposed.ShouldBeTrue();
        harness.Accounting.Released.ShouldHaveSingleItem().Result.Billed.ShouldBeTrue();
        harness.Health.GetProvider("a").ShouldHaveSingleItem().InFlight.ShouldBe(0);

        static async IAsyncEnumerable<ChatResponseUpdate> Endless(Action onDispose, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            try
            {
                while (true)
                {
                    await Task.Yield();
                    yield return new ChatResponseUpdate(ChatRole.Assistant, "t");
                }
            }
            finally
            {
                onDispose();
            }
        }
    }
}
