// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

/// <summary><see cref="NoEligibleRouteException.RetryAfter"/>: the earliest recovery when every route was skipped for a temporary reason.</summary>
public sealed class EarliestRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_route_rate_limited_reports_the_first_window_reset_and_it_is_exact()
    {
        using var harness = new RouterHarness();
        harness.Add("a", o => o.RequestsPerMinute = 1);
        harness.Add("b", o => o.RequestsPerMinute = 1);
        await harness.Chat.GetResponseAsync("1"); // a
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        await harness.Chat.GetResponseAsync("2"); // a is spent: b

        var error = await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("3"));

        var wait = error.RetryAfter.ShouldNotBeNull();
        wait.ShouldBeGreaterThan(TimeSpan.Zero);
        wait.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        harness.Time.Advance(wait - TimeSpan.FromMilliseconds(1));
        (await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("4"))).RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(1));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        (await harness.Chat.GetResponseAsync("5")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_route_skipped_for_a_lasting_reason_beside_a_rate_limited_one_means_no_RetryAfter()
    {
        using var harness = new RouterHarness();
        harness.Add("local", o => o.RequestsPerMinute = 1, locality: ProviderLocality.Local);
        harness.Add("cloud");
        var pii = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.DataClass] = "Pii" } };
        (await harness.Chat.GetResponseAsync("my ssn is ...", pii)).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("local");

        // local: rate-limited (temporary); cloud: never allowed for PII (lasting). Waiting would not help the cloud route.
        var error = await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("my ssn is ...", pii));

        error.Reasons.ShouldContain(r => r.Contains("rate limit", StringComparison.Ordinal));
        error.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void The_earliest_of_several_temporary_skips_wins_and_a_past_one_is_zero()
    {
        RequestRun.EarliestRecovery(
        [
            new RouteDecision("a", "m", false, "skipped: circuit open") { AvailableAt = Now.AddSeconds(30) },
            new RouteDecision("b", "m", false, "skipped: cooling down") { AvailableAt = Now.AddSeconds(7) },
            new RouteDecision("c", null, false, "skipped: rate limit") { AvailableAt = Now.AddSeconds(12) },
        ], Now).ShouldBe(TimeSpan.FromSeconds(7));

        RequestRun.EarliestRecovery([new RouteDecision("a", "m", false, "skipped") { AvailableAt = Now.AddSeconds(-5) }], Now).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_route_ranked_at_planning_then_skipped_at_send_counts_by_its_last_decision()
    {
        RequestRun.EarliestRecovery(
        [
            new RouteDecision("a", "m", true, "ranked 1 (priority)"),
            new RouteDecision("a", "m", false, "skipped: local rate limit reached") { AvailableAt = Now.AddSeconds(20) },
        ], Now).ShouldBe(TimeSpan.FromSeconds(20));

        RequestRun.EarliestRecovery(
        [
            new RouteDecision("a", "m", false, "skipped: local rate limit reached") { AvailableAt = Now.AddSeconds(20) },
            new RouteDecision("b", "m", true, "ranked 2 (priority)"),
        ], Now).ShouldBeNull();
    }

    [Fact]
    public void None_or_a_lasting_skip_is_null()
    {
        RequestRun.EarliestRecovery([], Now).ShouldBeNull();
        RequestRun.EarliestRecovery(
        [
            new RouteDecision("a", "m", false, "skipped: cooling down") { AvailableAt = Now.AddSeconds(3) },
            new RouteDecision("b", "m", false, "skipped: provider has no chat client"),
        ], Now).ShouldBeNull();
    }
}
