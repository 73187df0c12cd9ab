// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Resilience;

/// <summary>What a vendor's rate-limit report does to a route: zero remaining holds it back until the reset, exactly at the boundaries.</summary>
public sealed class VendorRateLimitStateTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ZeroRemainingRequests_HoldsTheRouteBack_UntilTheReset()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(20) }, Now);

        state.BlockedUntil(1, Now, out var byTokens).ShouldBe(Now.AddSeconds(20));
        byTokens.ShouldBeFalse();
        state.BlockedUntil(1, Now.AddSeconds(19.999), out _).ShouldBe(Now.AddSeconds(20));
        state.BlockedUntil(1, Now.AddSeconds(20), out _).ShouldBeNull();
        state.BlockedUntil(1, Now.AddSeconds(1), out _).ShouldBeNull("an expired hold is forgotten");
    }

    [Fact]
    public void OneRemainingRequest_LeavesRoom()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 1, ResetRequests = TimeSpan.FromSeconds(20) }, Now);
        state.BlockedUntil(1, Now, out _).ShouldBeNull();
    }

    [Fact]
    public void ZeroRemaining_WithoutAReset_CannotHoldBack()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0 }, Now);
        state.BlockedUntil(1, Now, out _).ShouldBeNull();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.Zero }, Now);
        state.BlockedUntil(1, Now, out _).ShouldBeNull();
    }

    [Fact]
    public void ALaterReportWithRoom_ReleasesTheHold()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(20) }, Now);
        state.Observe(new ProviderRateLimits { RemainingRequests = 5, ResetRequests = TimeSpan.FromSeconds(20) }, Now);
        state.BlockedUntil(1, Now, out _).ShouldBeNull();
    }

    [Fact]
    public void AReportWithoutRequestCounts_KeepsTheHold()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(20) }, Now);
        state.Observe(new ProviderRateLimits { LimitRequests = 100 }, Now);
        state.BlockedUntil(1, Now, out _).ShouldBe(Now.AddSeconds(20));
    }

    [Fact]
    public void FewerTokensLeftThanNeeded_HoldsBack_ByTokens()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingTokens = 100, ResetTokens = TimeSpan.FromSeconds(6) }, Now);

        state.BlockedUntil(101, Now, out var byTokens).ShouldBe(Now.AddSeconds(6));
        byTokens.ShouldBeTrue();
        state.BlockedUntil(100, Now, out byTokens).ShouldBeNull("exactly the tokens left is enough");
        byTokens.ShouldBeFalse();
        state.BlockedUntil(101, Now.AddSeconds(6), out _).ShouldBeNull();
        state.BlockedUntil(101, Now, out _).ShouldBeNull("an expired token window is forgotten");
    }

    [Fact]
    public void ZeroTokensLeft_HoldsBackEvenARequestEstimatedAtZero()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingTokens = 0, ResetTokens = TimeSpan.FromSeconds(6) }, Now);
        state.BlockedUntil(0, Now, out var byTokens).ShouldBe(Now.AddSeconds(6));
        byTokens.ShouldBeTrue();
    }

    [Fact]
    public void OneTokenLeft_AdmitsARequestEstimatedAtZero()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingTokens = 1, ResetTokens = TimeSpan.FromSeconds(6) }, Now);
        state.BlockedUntil(0, Now, out _).ShouldBeNull();
    }

    [Fact]
    public void TokensWithoutAReset_ClearTheTokenWindow()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits { RemainingTokens = 0, ResetTokens = TimeSpan.FromSeconds(6) }, Now);
        state.Observe(new ProviderRateLimits { RemainingTokens = 0 }, Now);
        state.BlockedUntil(10, Now, out _).ShouldBeNull();
        state.Observe(new ProviderRateLimits { RemainingTokens = 0, ResetTokens = TimeSpan.FromSeconds(6) }, Now);
        state.Observe(new ProviderRateLimits { RemainingTokens = 0, ResetTokens = TimeSpan.Zero }, Now);
        state.BlockedUntil(10, Now, out _).ShouldBeNull();
    }

    [Fact]
    public void RequestWindow_IsCheckedBeforeTheTokenWindow()
    {
        var state = new VendorRateLimitState();
        state.Observe(new ProviderRateLimits
        {
            RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(30), RemainingTokens = 0, ResetTokens = TimeSpan.FromSeconds(5),
        }, Now);
        state.BlockedUntil(1, Now, out var byTokens).ShouldBe(Now.AddSeconds(30));
        byTokens.ShouldBeFalse();
    }

    [Fact]
    public void NoReport_NeverHoldsBack() => new VendorRateLimitState().BlockedUntil(1_000_000, Now, out _).ShouldBeNull();
}
