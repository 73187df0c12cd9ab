// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Budgets;

namespace AssistantProviders.Tests.Cost;

public sealed class BudgetManagerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fifty_concurrent_calls_never_admit_more_than_the_budget()
    {
        var admittedSpend = await RunConcurrentScenarioAsync();

        admittedSpend.ShouldBeLessThanOrEqualTo(1.00m);
        admittedSpend.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task Concurrent_scenario_holds_over_one_hundred_runs()
    {
        for (var run = 0; run < 100; run++)
        {
            var admitted = await RunConcurrentScenarioAsync();
            admitted.ShouldBeLessThanOrEqualTo(1.00m, $"run {run}");
        }
    }

    [Fact]
    public void Budgets_nest_and_a_call_must_fit_every_level()
    {
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 100m } };
        options.Tenants["acme"] = new BudgetLimitOptions { Daily = 1m };
        options.Providers["openai"] = new BudgetLimitOptions { Monthly = 50m };
        options.Models["openai/gpt-4.1"] = new BudgetLimitOptions { Daily = 0.5m };
        var budgets = new BudgetManager(options, new FakeTimeProvider(Start));

        budgets.TryReserve("openai", "gpt-4.1", "acme", 0.6m, out _).ShouldNotBeNull().BudgetName.ShouldBe("model:openai/gpt-4.1/daily");
        budgets.TryReserve("openai", "gpt-4o", "acme", 1.5m, out _).ShouldNotBeNull().BudgetName.ShouldBe("tenant:acme/daily");
        budgets.TryReserve("openai", "gpt-4o", "other", 1.5m, out var ok).ShouldBeNull();
        budgets.Settle(ok, 1.5m);
        budgets.TryReserve("anthropic", "claude-sonnet-4", "acme", 0.9m, out var ok2).ShouldBeNull();

        var statuses = budgets.GetStatus().ToDictionary(s => s.Name);
        statuses["global/daily"].Spent.ShouldBe(1.5m);
        statuses["global/daily"].Reserved.ShouldBe(0.9m);
        statuses["provider:openai/monthly"].Spent.ShouldBe(1.5m);
        statuses["tenant:acme/daily"].Reserved.ShouldBe(0.9m);
        budgets.Release(ok2);
    }

    [Fact]
    public void Exceeded_exception_names_budget_limit_and_spent()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Monthly = 2m } }, new FakeTimeProvider(Start));
        budgets.TryReserve("p", "m", null, 1.5m, out var r).ShouldBeNull();
        budgets.Settle(r, 1.5m);

        var ex = budgets.TryReserve("p", "m", null, 1m, out _);

        ex.ShouldNotBeNull();
        ex.BudgetName.ShouldBe("global/monthly");
        ex.Limit.ShouldBe(2m);
        ex.Spent.ShouldBe(1.5m);
        ex.Requested.ShouldBe(1m);
        ex.Kind.ShouldBe(ProviderErrorKind.BudgetExceeded);
        ex.ProviderId.ShouldBe("p");
    }

    [Fact]
    public void Wildcard_tenant_gives_each_tenant_its_own_budget()
    {
        var options = new BudgetOptions();
        options.Tenants["*"] = new BudgetLimitOptions { Daily = 1m };
        var budgets = new BudgetManager(options, new FakeTimeProvider(Start));

        budgets.TryReserve("p", "m", "a", 0.9m, out _).ShouldBeNull();
        budgets.TryReserve("p", "m", "b", 0.9m, out _).ShouldBeNull();
        budgets.TryReserve("p", "m", "a", 0.2m, out _).ShouldNotBeNull().BudgetName.ShouldBe("tenant:a/daily");
    }

    [Fact]
    public void Daily_budget_resets_at_the_next_utc_day_and_monthly_at_the_next_month()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m, Monthly = 1.5m } }, time);
        budgets.TryReserve("p", "m", null, 1m, out var r).ShouldBeNull();
        budgets.Settle(r, 1m);
        budgets.CanAfford("p", "m", 0.5m).ShouldBeFalse();

        time.Advance(TimeSpan.FromMinutes(59));
        budgets.CanAfford("p", "m", 0.5m).ShouldBeFalse("still the same day");

        time.Advance(TimeSpan.FromMinutes(2)); // 2026-12-01 00:01: a new day and a new month
        budgets.CanAfford("p", "m", 1m).ShouldBeTrue();
        var status = budgets.GetStatus().Single(s => s.Name == "global/monthly");
        status.Spent.ShouldBe(0m);
        status.PeriodStart.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        status.ResetsAt.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Monthly_budget_survives_a_day_change()
    {
        var time = new FakeTimeProvider(Start);
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m, Monthly = 1.5m } }, time);
        budgets.TryReserve("p", "m", null, 1m, out var r).ShouldBeNull();
        budgets.Settle(r, 1m);

        time.Advance(TimeSpan.FromDays(1));

        budgets.CanAfford("p", "m", 0.5m).ShouldBeTrue();
        budgets.TryReserve("p", "m", null, 0.6m, out _).ShouldNotBeNull().BudgetName.ShouldBe("global/monthly");
    }

    [Fact]
    public void Alert_threshold_raises_the_event_once_and_logs()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m }, AlertThresholds = [0.5, 0.8] }, new FakeTimeProvider(Start), logger);
        var alerts = new List<BudgetAlertEventArgs>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e);

        Spend(budgets, 4m);
        alerts.ShouldBeEmpty();
        Spend(budgets, 1m);
        Spend(budgets, 0.5m);
        Spend(budgets, 3m);

        alerts.Select(a => a.Threshold).ShouldBe([0.5, 0.8]);
        alerts[0].BudgetName.ShouldBe("global/daily");
        alerts[0].Status.Spent.ShouldBe(5m);
        alerts[0].Status.Limit.ShouldBe(10m);
        logger.Collector.GetSnapshot().Count(l => l.Id.Id == 2005).ShouldBe(2);
    }

    [Fact]
    public void Released_reservation_frees_the_budget()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } }, new FakeTimeProvider(Start));
        budgets.TryReserve("p", "m", null, 1m, out var r).ShouldBeNull();
        budgets.CanAfford("p", "m", 0.1m).ShouldBeFalse();

        budgets.Release(r);
        budgets.Release(r);

        budgets.CanAfford("p", "m", 1m).ShouldBeTrue();
        budgets.GetStatus().Single().Reserved.ShouldBe(0m);
    }

    [Fact]
    public void Zero_cost_calls_always_fit_even_when_the_budget_is_spent()
    {
        var budgets = new BudgetManager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } }, new FakeTimeProvider(Start));
        Spend(budgets, 1m);

        budgets.CanAfford("ollama", "llama3", 0m).ShouldBeTrue();
        budgets.TryReserve("ollama", "llama3", null, 0m, out _).ShouldBeNull();
    }

    [Fact]
    public async Task Unpriced_models_of_a_provider_without_prices_reserve_zero_and_local_models_stay_free()
    {
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 0.000001m } });

        // A provider with priced models reserves their worst case for an unpriced alias (UnpricedReservationTests); one without reserves 0.
        var unpriced = await h.Accounting.BeginAsync(new AccountingRequest("unlisted", "mystery", "chat", null, 1_000_000, 1_000_000), CancellationToken.None);
        var local = await h.Accounting.BeginAsync(new AccountingRequest("local", "llama3", "chat", null, 1_000_000, 1_000_000), CancellationToken.None);

        unpriced.ReservedUsd.ShouldBe(0m);
        local.ReservedUsd.ShouldBe(0m);
        await Should.ThrowAsync<BudgetExceededException>(async () =>
            await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 1_000_000, 1_000), CancellationToken.None));
    }

    [Fact]
    public void Provider_option_monthly_budget_applies_and_the_lower_limit_wins()
    {
        var options = new BudgetOptions();
        options.Providers["openai"] = new BudgetLimitOptions { Monthly = 20m };
        var budgets = new BudgetManager(options, new FakeTimeProvider(Start), providerMonthlyBudgets: new Dictionary<string, decimal> { ["openai"] = 5m, ["groq"] = 2m });

        budgets.CanAfford("openai", "gpt-4.1", 6m).ShouldBeFalse();
        budgets.CanAfford("groq", "llama-3.1-8b-instant", 3m).ShouldBeFalse();
        budgets.CanAfford("groq", "llama-3.1-8b-instant", 2m).ShouldBeTrue();
        budgets.HasBudgets.ShouldBeTrue();
    }

    [Theory]
    [InlineData(BudgetExceededPolicy.Throw)]
    [InlineData(BudgetExceededPolicy.FallbackToCheaper)]
    [InlineData(BudgetExceededPolicy.LocalOnly)]
    public void OnExceeded_policy_is_exposed(BudgetExceededPolicy policy)
    {
        var budgets = new BudgetManager(new BudgetOptions { OnExceeded = policy });

        budgets.OnExceeded.ShouldBe(policy);
        budgets.HasBudgets.ShouldBeFalse();
    }

    private static void Spend(BudgetManager budgets, decimal amount)
    {
        budgets.TryReserve("p", "m", null, amount, out var r).ShouldBeNull();
        budgets.Settle(r, amount);
    }

    private static async Task<decimal> RunConcurrentScenarioAsync()
    {
        // Budget 1.00 USD; each call's worst case is 10,000 × 2.00/1M + 7,500 × 8.00/1M = 0.08 USD, so 50 calls need 4.00 USD
        // and exactly 12 fit (0.96 USD). All reservations are held until every call has been admitted or refused.
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1.00m } });
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", "t" + (i % 3), 10_000, 7_500), CancellationToken.None);
            }
            catch (BudgetExceededException)
            {
                return null;
            }
        })).ToArray();
        start.Set();
        var tickets = (await Task.WhenAll(tasks)).OfType<AccountingTicket>().ToList();

        var admitted = tickets.Sum(t => t.ReservedUsd);
        tickets.Count.ShouldBe(12);
        h.Budgets.GetStatus().Single().Reserved.ShouldBe(admitted);

        // Settle every admitted call at its worst case: the spend stays within the budget and nothing stays reserved.
        foreach (var ticket in tickets)
        {
            h.Accounting.Settle(ticket, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10_000, OutputTokenCount = 7_500 } });
        }

        var status = h.Budgets.GetStatus().Single();
        status.Reserved.ShouldBe(0m);
        status.Spent.ShouldBe(admitted);
        status.Spent.ShouldBeLessThanOrEqualTo(1.00m);
        return admitted;
    }
}
