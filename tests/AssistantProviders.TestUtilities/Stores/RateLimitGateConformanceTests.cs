// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;

namespace AssistantProviders.TestUtilities.Stores;

/// <summary>
/// What every counting <see cref="IRateLimitGate"/> does (in-memory, Redis) with plain limit values: admit up to the limit
/// in a UTC minute, reject past it, count permits (clamped to the limit), start over in the next minute, keep providers and
/// limits apart, and admit exactly the limit under 50 concurrent callers.
/// </summary>
public abstract class RateLimitGateConformanceTests : StoreConformanceTests
{
    /// <summary>Creates the gate under test on <see cref="StoreConformanceTests.Time"/>.</summary>
    /// <returns>The gate.</returns>
    protected abstract IRateLimitGate CreateGate();

    [Fact]
    public async Task Requests_are_admitted_up_to_the_limit_then_rejected()
    {
        var gate = CreateGate();

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await gate.TryAcquireAsync(Requests(limit: 3), CancellationToken.None));
        }

        decisions.ShouldBe([RateLimitDecision.Admitted, RateLimitDecision.Admitted, RateLimitDecision.Admitted, RateLimitDecision.Rejected]);
    }

    [Fact]
    public async Task Token_permits_are_counted_and_clamped_to_the_limit()
    {
        var gate = CreateGate();

        (await gate.TryAcquireAsync(Tokens(limit: 100, permits: 60), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
        (await gate.TryAcquireAsync(Tokens(limit: 100, permits: 50), CancellationToken.None)).ShouldBe(RateLimitDecision.Rejected);
        (await gate.TryAcquireAsync(Tokens(limit: 100, permits: 40), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);

        Time.Advance(TimeSpan.FromMinutes(1));
        (await gate.TryAcquireAsync(Tokens(limit: 100, permits: 5000), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
        (await gate.TryAcquireAsync(Tokens(limit: 100, permits: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Rejected);
    }

    [Fact]
    public async Task The_next_UTC_minute_starts_a_new_window()
    {
        var gate = CreateGate();
        (await gate.TryAcquireAsync(Requests(limit: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
        Time.Advance(TimeSpan.FromSeconds(59));
        (await gate.TryAcquireAsync(Requests(limit: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Rejected);

        Time.Advance(TimeSpan.FromSeconds(1));

        (await gate.TryAcquireAsync(Requests(limit: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
    }

    [Fact]
    public async Task Providers_and_limits_are_counted_apart()
    {
        var gate = CreateGate();
        (await gate.TryAcquireAsync(Requests(limit: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
        (await gate.TryAcquireAsync(Requests(limit: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Rejected);

        (await gate.TryAcquireAsync(Tokens(limit: 1, permits: 1), CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
        (await gate.TryAcquireAsync(Requests(limit: 1) with { ProviderId = Unique + "-other" }, CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_get_exactly_the_limit()
    {
        var gate = CreateGate();

        // Warm the store up first (a remote store connects on first use): the burst measures counting under concurrency, not
        // fifty callers racing one slow first connect on a loaded machine.
        (await gate.TryAcquireAsync(Requests(limit: 10) with { ProviderId = Unique + "-warm-up" }, CancellationToken.None)).ShouldBe(RateLimitDecision.Admitted);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(async () => await gate.TryAcquireAsync(Requests(limit: 10), CancellationToken.None))));

        decisions.Count(d => d == RateLimitDecision.Admitted).ShouldBe(10);
        decisions.Count(d => d == RateLimitDecision.Rejected).ShouldBe(40);
    }

    [Fact]
    public async Task A_cancelled_call_throws()
    {
        var gate = CreateGate();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await gate.TryAcquireAsync(Requests(limit: 1), cancelled.Token));
    }

    /// <summary>One request against this test's provider.</summary>
    /// <param name="limit">The requests-per-minute limit.</param>
    /// <returns>The request.</returns>
    protected RateLimitRequest Requests(int limit) => new(Unique, RateLimitKind.Requests, limit, 1);

    /// <summary>Tokens against this test's provider.</summary>
    /// <param name="limit">The tokens-per-minute limit.</param>
    /// <param name="permits">The tokens.</param>
    /// <returns>The request.</returns>
    protected RateLimitRequest Tokens(int limit, long permits) => new(Unique, RateLimitKind.Tokens, limit, permits);
}
