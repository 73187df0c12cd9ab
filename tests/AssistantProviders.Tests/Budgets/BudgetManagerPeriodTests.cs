// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Tests.Budgets;

/// <summary>
/// <see cref="BudgetManager"/> periods and levels: finished periods are dropped when a budget's new period begins (no memory
/// growth) unless a reservation is still open in them, per budget; zero limits; wildcard tenants, provider monthly budgets from
/// the provider options, and alerts per period. The clock is moved back only to look at a finished period again.
/// </summary>
public sealed class BudgetManagerPeriodTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    private static BudgetStatus Status(BudgetManager budgets, string name) => budgets.GetStatus().Single(s => s.Name == name);

    [Fact]
    public void A_finished_period_without_reservations_is_dropped_when_the_next_one_begins()
    {
        var clock = new ManualClock(Day1);
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } }, clock);
        budgets.TryReserve("openai", "m", null, 1m, out var first).ShouldBeNull();
        budgets.Settle(first, 1m);

        clock.Now = Day2;
        budgets.TryReserve("openai", "m", null, 0.5m, out var second).ShouldBeNull();
        budgets.Release(second);

        clock.Now = Day1;
        var status = Status(budgets, "global/daily");
        status.Spent.ShouldBe(0m); // the day-1 counter is gone: a fresh one
        status.PeriodStart.ShouldBe(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_finished_period_is_kept_while_it_holds_an_open_reservation()
    {
        var clock = new ManualClock(Day1);
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } }, clock);
        budgets.TryReserve("openai", "m", null, 2m, out var open).ShouldBeNull();

        clock.Now = Day2;
        budgets.TryReserve("openai", "m", null, 0.5m, out var other).ShouldBeNull();
        budgets.Release(other);
        budgets.Settle(open, 1.25m); // settled against the period it was made in

        Status(budgets, "global/daily").Spent.ShouldBe(0m);
        clock.Now = Day1;
        var day1 = Status(budgets, "global/daily");
        day1.Spent.ShouldBe(1.25m);
        day1.Reserved.ShouldBe(0m);
    }

    [Fact]
    public void A_new_period_of_one_budget_does_not_drop_another_budgets_periods()
    {
        var clock = new ManualClock(Day1);
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 5m };
        var budgets = new BudgetManager(options, clock);
        budgets.TryReserve("openai", "m", null, 1m, out var first).ShouldBeNull();
        budgets.Settle(first, 1m);

        clock.Now = Day2;
        budgets.TryReserve("mistral", "m", null, 0.5m, out var second).ShouldBeNull(); // only the global budget applies
        budgets.Release(second);

        clock.Now = Day1;
        var status = budgets.GetStatus();
        status.Single(s => s.Name == "provider:openai/daily").Spent.ShouldBe(1m);
        status.Single(s => s.Name == "global/daily").Spent.ShouldBe(0m);
    }

    [Fact]
    public void A_free_call_under_a_zero_limit_that_turns_out_paid_is_recorded_without_an_alert()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 0m }, AlertThresholds = [0.5] }, new ManualClock(Day1));
        var alerts = 0;
        budgets.ThresholdReached += (_, _) => alerts++;

        budgets.TryReserve("ollama", "m", null, 0m, out var reservation).ShouldBeNull();
        Should.NotThrow(() => budgets.Settle(reservation, 0.25m));

        alerts.ShouldBe(0);
        Status(budgets, "global/daily").Spent.ShouldBe(0.25m);
        budgets.CanAfford("ollama", "m", 0m).ShouldBeTrue(); // free calls always pass
        budgets.CanAfford("openai", "m", 0.01m).ShouldBeFalse();
    }

    [Fact]
    public void A_zero_limit_still_counts_as_a_budget()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Monthly = 0m } }, new ManualClock(Day1));
        budgets.HasBudgets.ShouldBeTrue();
        var status = Status(budgets, "global/monthly");
        status.Limit.ShouldBe(0m);
        status.Period.ShouldBe(UsagePeriod.Month);
    }

    [Fact]
    public void No_budget_configured_admits_everything_and_reports_nothing()
    {
        var budgets = new BudgetManager(new BudgetOptions(), new ManualClock(Day1));
        budgets.HasBudgets.ShouldBeFalse();
        budgets.TryReserve("openai", "m", "acme", 1_000m, out var reservation).ShouldBeNull();
        reservation.Amount.ShouldBe(1_000m);
        budgets.Settle(reservation, 1_000m);
        budgets.GetStatus().ShouldBeEmpty();
        budgets.CanAfford("openai", "m", 1_000_000m).ShouldBeTrue();
    }

    [Fact]
    public void A_wildcard_tenant_budget_applies_to_each_tenant_and_shows_once_used()
    {
        var options = new BudgetOptions();
        options.Tenants["*"] = new BudgetLimitOptions { Daily = 1m };
        var budgets = new BudgetManager(options, new ManualClock(Day1));
        budgets.HasBudgets.ShouldBeTrue();
        budgets.GetStatus().ShouldBeEmpty();

        budgets.TryReserve("openai", "m", "acme", 0.75m, out var acme).ShouldBeNull();
        budgets.Settle(acme, 0.75m);
        budgets.TryReserve("openai", "m", "acme", 0.5m, out _).ShouldNotBeNull();
        budgets.TryReserve("openai", "m", "globex", 0.5m, out var globex).ShouldBeNull();
        budgets.TryReserve("openai", "m", null, 5m, out _).ShouldBeNull(); // no tenant: no tenant budget

        var status = budgets.GetStatus();
        status.Select(s => s.Name).ShouldBe(["tenant:acme/daily", "tenant:globex/daily"]);
        status[0].Spent.ShouldBe(0.75m);
        status[1].Reserved.ShouldBe(0.5m);
        budgets.Release(globex);
    }

    [Fact]
    public void A_named_tenant_budget_wins_over_the_wildcard()
    {
        var options = new BudgetOptions();
        options.Tenants["*"] = new BudgetLimitOptions { Daily = 1m };
        options.Tenants["acme"] = new BudgetLimitOptions { Daily = 3m };
        var budgets = new BudgetManager(options, new ManualClock(Day1));

        budgets.TryReserve("openai", "m", "acme", 2m, out _).ShouldBeNull();
        budgets.TryReserve("openai", "m", "globex", 2m, out _).ShouldNotBeNull();
        Status(budgets, "tenant:acme/daily").Limit.ShouldBe(3m);
    }

    [Fact]
    public void A_provider_monthly_budget_from_the_provider_options_shows_and_the_lower_limit_wins()
    {
        var options = new BudgetOptions();
        options.Providers["openai"] = new BudgetLimitOptions { Monthly = 5m, Daily = 2m };
        var fromProviders = new Dictionary<string, decimal> { ["OpenAI"] = 3m, ["mistral"] = 4m, ["groq"] = 9m };
        options.Providers["groq"] = new BudgetLimitOptions { Monthly = 6m };
        var budgets = new BudgetManager(options, new ManualClock(Day1), providerMonthlyBudgets: fromProviders);

        var status = budgets.GetStatus();
        status.Select(s => s.Name).ShouldBe(["provider:groq/monthly", "provider:mistral/monthly", "provider:openai/daily", "provider:openai/monthly"]);
        status.Single(s => s.Name == "provider:openai/monthly").Limit.ShouldBe(3m);
        status.Single(s => s.Name == "provider:openai/daily").Limit.ShouldBe(2m);
        status.Single(s => s.Name == "provider:mistral/monthly").Limit.ShouldBe(4m);
        status.Single(s => s.Name == "provider:groq/monthly").Limit.ShouldBe(6m);

        budgets.TryReserve("mistral", "m", null, 4m, out _).ShouldBeNull();
        budgets.TryReserve("mistral", "m", null, 0.01m, out _).ShouldNotBeNull();
    }

    [Fact]
    public void A_model_budget_applies_to_that_model_only()
    {
        var options = new BudgetOptions();
        options.Models["openai/gpt-4.1"] = new BudgetLimitOptions { Monthly = 1m };
        var budgets = new BudgetManager(options, new ManualClock(Day1));

        budgets.TryReserve("openai", "gpt-4.1", null, 2m, out _).ShouldNotBeNull();
        budgets.TryReserve("openai", "gpt-4.1-mini", null, 2m, out _).ShouldBeNull();
        budgets.CanAfford("openai", "gpt-4.1", 1m).ShouldBeTrue();
        budgets.CanAfford("openai", "gpt-4.1", 1.01m).ShouldBeFalse();
        var status = budgets.GetStatus().ShouldHaveSingleItem();
        status.Name.ShouldBe("model:openai/gpt-4.1/monthly");
        status.Reserved.ShouldBe(0m);
    }

    [Fact]
    public void An_alert_fires_once_per_period_and_again_in_the_next()
    {
        var clock = new ManualClock(Day1);
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m }, AlertThresholds = [0.5, 0.9, 0.5, -1] }, clock);
        var alerts = new List<(string Name, double Threshold)>();
        budgets.ThresholdReached += (_, e) => alerts.Add((e.Status.Name, e.Threshold));

        Spend(budgets, 0.49m);
        alerts.ShouldBeEmpty();
        Spend(budgets, 0.01m);
        Spend(budgets, 0.1m);
        alerts.ShouldBe([("global/daily", 0.5)]);
        Spend(budgets, 0.3m);
        alerts.ShouldBe([("global/daily", 0.5), ("global/daily", 0.9)]);

        clock.Now = Day2;
        Spend(budgets, 0.95m);
        alerts.ShouldBe([("global/daily", 0.5), ("global/daily", 0.9), ("global/daily", 0.5), ("global/daily", 0.9)]);
    }

    [Fact]
    public void A_released_reservation_fires_no_alert()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m }, AlertThresholds = [0.1] }, new ManualClock(Day1));
        var alerts = 0;
        budgets.ThresholdReached += (_, _) => alerts++;
        budgets.TryReserve("openai", "m", null, 0.9m, out var reservation).ShouldBeNull();
        budgets.Release(reservation);
        alerts.ShouldBe(0);
        Status(budgets, "global/daily").Reserved.ShouldBe(0m);
    }

    [Fact]
    public void The_default_alert_threshold_is_80_percent()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } }, new ManualClock(Day1));
        var alerts = new List<double>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e.Threshold);
        Spend(budgets, 0.79m);
        alerts.ShouldBeEmpty();
        Spend(budgets, 0.01m);
        alerts.ShouldBe([0.8]);
    }

    [Fact]
    public void A_refusal_names_the_budget_limit_and_amounts_and_reserves_nothing()
    {
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 1m };
        var budgets = new BudgetManager(options, new ManualClock(Day1));
        budgets.TryReserve("openai", "m", null, 0.5m, out _).ShouldBeNull();

        var refusal = budgets.TryReserve("openai", "gpt", null, 0.75m, out var refused).ShouldNotBeNull();
        refusal.ProviderId.ShouldBe("openai");
        refusal.ModelId.ShouldBe("gpt");
        refused.Amount.ShouldBe(0m);
        Status(budgets, "global/daily").Reserved.ShouldBe(0.5m); // the global level that fitted was not reserved either
        budgets.Settle(refused, 3m); // a refused reservation is already complete
        Status(budgets, "global/daily").Spent.ShouldBe(0m);
    }

    private static void Spend(BudgetManager budgets, decimal amount)
    {
        budgets.TryReserve("openai", "m", null, amount, out var reservation).ShouldBeNull();
        budgets.Settle(reservation, amount);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
