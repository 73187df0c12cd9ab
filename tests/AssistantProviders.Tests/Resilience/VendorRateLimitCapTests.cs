// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Resilience;

/// <summary>
/// <see cref="VendorRateLimitState"/> with a cap (<c>Routing:MaxRetryAfter</c>): a reset longer than the cap holds the route for
/// the cap and is flagged as capped; a reset exactly at the cap is not capped; a zero cap never holds.
/// </summary>
public sealed class VendorRateLimitCapTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(60, 30, true)]
    [InlineData(30, 30, false)]
    [InlineData(10, 10, false)]
    public void A_request_reset_is_held_for_at_most_the_cap_and_flagged_when_longer(int resetSeconds, int heldSeconds, bool capped)
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(resetSeconds) }, Now, Cap);

        state.BlockedUntil(1, Now, out var byTokens, out var wasCapped).ShouldBe(Now.AddSeconds(heldSeconds));
        byTokens.ShouldBeFalse();
        wasCapped.ShouldBe(capped);
    }

    [Theory]
    [InlineData(60, 30, true)]
    [InlineData(30, 30, false)]
    [InlineData(10, 10, false)]
    public void A_token_reset_is_held_for_at_most_the_cap_and_flagged_when_longer(int resetSeconds, int heldSeconds, bool capped)
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingTokens = 5, ResetTokens = TimeSpan.FromSeconds(resetSeconds) }, Now, Cap);

        state.BlockedUntil(100, Now, out var byTokens, out var wasCapped).ShouldBe(Now.AddSeconds(heldSeconds));
        byTokens.ShouldBeTrue();
        wasCapped.ShouldBe(capped);
    }

    [Fact]
    public void Without_a_cap_a_long_reset_is_held_in_full_and_not_flagged()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromHours(2) }, Now);
        state.BlockedUntil(1, Now, out _, out var capped).ShouldBe(Now.AddHours(2));
        capped.ShouldBeFalse();
    }

    [Fact]
    public void A_zero_cap_never_holds_the_route()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(20), RemainingTokens = 0, ResetTokens = TimeSpan.FromSeconds(20) }, Now, TimeSpan.Zero);
        state.BlockedUntil(1, Now, out _, out var capped).ShouldBeNull();
        capped.ShouldBeFalse();
    }

    [Fact]
    public void Room_left_reports_not_capped_even_after_a_capped_hold_expired()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromMinutes(5) }, Now, Cap);
        state.BlockedUntil(1, Now, out _, out var capped).ShouldNotBeNull();
        capped.ShouldBeTrue();

        state.BlockedUntil(1, Now + Cap, out var byTokens, out capped).ShouldBeNull();
        capped.ShouldBeFalse();
        byTokens.ShouldBeFalse();
    }

    [Fact]
    public void A_later_report_with_requests_left_clears_the_capped_flag_for_the_token_window()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromMinutes(5) }, Now, Cap);
        state.Observe(new ProviderRateLimits { RemainingRequests = 3, ResetRequests = TimeSpan.FromSeconds(1), RemainingTokens = 0, ResetTokens = TimeSpan.FromSeconds(5) }, Now, Cap);

        state.BlockedUntil(1, Now, out var byTokens, out var capped).ShouldBe(Now.AddSeconds(5));
        byTokens.ShouldBeTrue();
        capped.ShouldBeFalse();
    }
}
