// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;

namespace AssistantProviders.TestUtilities.Stores;

/// <summary>
/// What every remembering <see cref="ISharedRouteHealth"/> does (in-memory, Redis): a reported break or cooldown is seen
/// until its end and closes by itself after it; later reports extend, earlier ones never shorten, past ones are ignored.
/// </summary>
public abstract class SharedRouteHealthConformanceTests : StoreConformanceTests
{
    /// <summary>Creates the route health under test on <see cref="StoreConformanceTests.Time"/>.</summary>
    /// <returns>The route health.</returns>
    protected abstract ISharedRouteHealth CreateHealth();

    /// <summary>Gets this test's route key (<c>operation:provider/model</c>).</summary>
    protected string Route => "chat:" + Unique + "/m1";

    [Fact]
    public void An_unknown_route_is_neither_open_nor_cooling_down()
    {
        var health = CreateHealth();

        health.GetOpenUntil(Route).ShouldBeNull();
        health.GetCooldownUntil(Route).ShouldBeNull();
    }

    [Fact]
    public void A_reported_break_is_open_until_its_end_then_closes()
    {
        var health = CreateHealth();
        var until = Start.AddSeconds(30);

        health.ReportOpen(Route, until);

        health.GetOpenUntil(Route).ShouldBe(until);
        health.GetCooldownUntil(Route).ShouldBeNull();
        Time.Advance(TimeSpan.FromSeconds(29));
        health.GetOpenUntil(Route).ShouldBe(until);
        Time.Advance(TimeSpan.FromSeconds(2));
        health.GetOpenUntil(Route).ShouldBeNull();
    }

    [Fact]
    public void A_reported_cooldown_ends_by_itself_and_is_apart_from_the_break()
    {
        var health = CreateHealth();
        var until = Start.AddSeconds(10);

        health.ReportCooldown(Route, until);

        health.GetCooldownUntil(Route).ShouldBe(until);
        health.GetOpenUntil(Route).ShouldBeNull();
        health.GetCooldownUntil("chat:" + Unique + "/other").ShouldBeNull();
        Time.Advance(TimeSpan.FromSeconds(11));
        health.GetCooldownUntil(Route).ShouldBeNull();
    }

    [Fact]
    public void A_later_report_extends_and_an_earlier_one_never_shortens()
    {
        var health = CreateHealth();
        health.ReportOpen(Route, Start.AddSeconds(30));

        health.ReportOpen(Route, Start.AddSeconds(60));
        health.ReportOpen(Route, Start.AddSeconds(5));

        health.GetOpenUntil(Route).ShouldBe(Start.AddSeconds(60));
    }

    [Fact]
    public void A_report_that_already_ended_is_ignored()
    {
        var health = CreateHealth();
        Time.Advance(TimeSpan.FromSeconds(10));

        health.ReportOpen(Route, Start.AddSeconds(5));
        health.ReportCooldown(Route, Start);

        health.GetOpenUntil(Route).ShouldBeNull();
        health.GetCooldownUntil(Route).ShouldBeNull();
    }
}
