// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.Usage;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Tests.Budgets;

/// <summary>State of <see cref="BudgetManager"/>: settling twice, zero limits, model and tenant budgets in the status, a throwing alert handler.</summary>
public sealed class BudgetManagerStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static BudgetStatus Status(BudgetManager budgets, string name) => budgets.GetStatus().Single(s => s.Name == name);

    [Fact]
    public void A_second_settle_is_a_no_op()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } }, new FakeTimeProvider(Start));
        budgets.TryReserve("openai", "m", null, 2m, out var reservation).ShouldBeNull();
        Status(budgets, "global/daily").Reserved.ShouldBe(2m);

        budgets.Settle(reservation, 1.5m);
        budgets.Settle(reservation, 5m);
        budgets.Release(reservation);

        var status = Status(budgets, "global/daily");
        status.Spent.ShouldBe(1.5m);
        status.Reserved.ShouldBe(0m);
        status.Remaining.ShouldBe(8.5m);
    }

    [Fact]
    public void A_negative_actual_settles_as_zero()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } }, new FakeTimeProvider(Start));
        budgets.TryReserve("openai", "m", null, 2m, out var reservation).ShouldBeNull();
        budgets.Settle(reservation, -3m);
        Status(budgets, "global/daily").Spent.ShouldBe(0m);
    }

    [Fact]
    public void A_zero_limit_refuses_any_paid_call()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 0m } }, new FakeTimeProvider(Start));
        budgets.TryReserve("openai", "m", null, 0.0001m, out _).ShouldNotBeNull();
        budgets.CanAfford("openai", "m", 0.0001m).ShouldBeFalse();
        Status(budgets, "global/daily").Reserved.ShouldBe(0m);
    }

    [Fact]
    public void Exactly_the_remaining_amount_is_admitted_and_one_cent_more_is_not()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } }, new FakeTimeProvider(Start));
        budgets.CanAfford("openai", "m", 1m).ShouldBeTrue();
        budgets.CanAfford("openai", "m", 1.01m).ShouldBeFalse();
        budgets.TryReserve("openai", "m", null, 1m, out var reservation).ShouldBeNull();
        budgets.TryReserve("openai", "m", null, 0.01m, out _).ShouldNotBeNull();
        budgets.Settle(reservation, 0.99m);
        budgets.TryReserve("openai", "m", null, 0.01m, out _).ShouldBeNull();
    }

    [Fact]
    public void Model_and_tenant_budgets_show_in_the_status()
    {
        var options = new BudgetOptions();
        options.Models["openai/gpt-4.1"] = new BudgetLimitOptions { Daily = 0.5m };
        options.Tenants["acme"] = new BudgetLimitOptions { Monthly = 3m };
        var budgets = new BudgetManager(options, new FakeTimeProvider(Start));

        budgets.TryReserve("openai", "gpt-4.1", "acme", 0.2m, out var reservation).ShouldBeNull();
        budgets.Settle(reservation, 0.2m);

        var status = budgets.GetStatus();
        status.Count.ShouldBe(2);
        var model = status.Single(s => s.Limit == 0.5m);
        model.Spent.ShouldBe(0.2m);
        model.Period.ShouldBe(UsagePeriod.Day);
        var tenant = status.Single(s => s.Limit == 3m);
        tenant.Spent.ShouldBe(0.2m);
        tenant.Period.ShouldBe(UsagePeriod.Month);
        tenant.Name.ShouldContain("acme");
        model.Name.ShouldContain("gpt-4.1");
    }

    [Fact]
    public void Yesterdays_spend_is_not_todays()
    {
        var time = new FakeTimeProvider(Start);
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } }, time);
        budgets.TryReserve("openai", "m", null, 1m, out var reservation).ShouldBeNull();
        budgets.Settle(reservation, 1m);
        budgets.CanAfford("openai", "m", 0.5m).ShouldBeFalse();

        time.Advance(TimeSpan.FromDays(1));
        budgets.CanAfford("openai", "m", 1m).ShouldBeTrue();
        Status(budgets, "global/daily").Spent.ShouldBe(0m);
    }

    [Fact]
    public void A_throwing_alert_handler_does_not_break_the_settle()
    {
        var budgets = new BudgetManager(
            new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m }, AlertThresholds = [0.5] },
            new FakeTimeProvider(Start));
        var raised = 0;
        budgets.ThresholdReached += (_, _) =>
        {
            raised++;
            throw new InvalidOperationException("handler bug");
        };

        budgets.TryReserve("openai", "m", null, 0.6m, out var reservation).ShouldBeNull();
        Should.NotThrow(() => budgets.Settle(reservation, 0.6m));

        raised.ShouldBe(1);
        Status(budgets, "global/daily").Spent.ShouldBe(0.6m);
        budgets.TryReserve("openai", "m", null, 0.4m, out _).ShouldBeNull();
    }
}
