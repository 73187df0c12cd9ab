// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Sqlite.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Tests;

public sealed class SqliteBudgetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Monthly_budget_survives_a_restart_and_refuses_a_call_over_what_is_left()
    {
        var path = _folder.File("budgets.db");
        using (var first = new StoreHost(path, StoreHost.Monthly("10")))
        {
            var (refusal, reservation) = await first.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 7m, default);
            refusal.ShouldBeNull();
            reservation.InStore.ShouldBeTrue();
            first.Budgets.Settle(reservation, 6m);
            first.Status("global/monthly").Spent.ShouldBe(6m);
        }

        // A new "process" on the same file, later the same month.
        var time = new FakeTimeProvider(StoreHost.Start.AddDays(3));
        using var second = new StoreHost(path, StoreHost.Monthly("10"), time);
        var status = second.Status("global/monthly");
        status.Spent.ShouldBe(6m);
        status.Reserved.ShouldBe(0m);
        second.Budgets.CanAfford("openai", "gpt-4.1", 4.5m).ShouldBeFalse();
        var refused = (await second.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 4.5m, default)).Refusal.ShouldNotBeNull();
        refused.BudgetName.ShouldBe("global/monthly");
        (await second.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 4m, default)).Refusal.ShouldBeNull();
        second.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_month_starts_from_zero_and_the_old_month_is_kept()
    {
        var path = _folder.File("months.db");
        using (var november = new StoreHost(path, StoreHost.Monthly("10")))
        {
            var (_, r) = await november.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 9m, default);
            november.Budgets.Settle(r, 9m);
        }

        using var december = new StoreHost(path, StoreHost.Monthly("10"), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero)));
        var status = december.Status("global/monthly");
        status.Spent.ShouldBe(0m);
        status.PeriodStart.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        (await december.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 9m, default)).Refusal.ShouldBeNull();
        var november2 = new BudgetLevel("global/monthly", UsagePeriod.Month, 10m, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        december.Store.Read([november2]).Single().Spent.ShouldBe(9m);
    }

    [Fact]
    public async Task Fifty_concurrent_reservations_never_overspend_20_runs_in_a_row()
    {
        for (var run = 0; run < 20; run++)
        {
            using var host = new StoreHost(_folder.File($"concurrent-{run}.db"), StoreHost.Monthly("10"));
            var budgets = host.Budgets;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
            {
                await go.Task;
                var (refusal, _) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, CancellationToken.None);
                return refusal is null;
            })).ToArray();
            go.SetResult();
            var admitted = (await Task.WhenAll(tasks)).Count(ok => ok);

            admitted.ShouldBe(10, $"run {run}");
            var status = host.Status("global/monthly");
            status.Reserved.ShouldBe(10m, $"run {run}");
            status.Spent.ShouldBe(0m, $"run {run}");
            host.Errors.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Two_service_providers_on_one_file_never_overspend()
    {
        var path = _folder.File("shared.db");
        using var a = new StoreHost(path, StoreHost.Monthly("40"));
        using var b = new StoreHost(path, StoreHost.Monthly("40"), a.Time);
        var managers = new[] { a.Budgets, b.Budgets };
        var amounts = Enumerable.Range(0, 120).Select(i => 0.5m + (i % 7 * 0.25m)).ToArray();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = amounts.Select((amount, i) => Task.Run(async () =>
        {
            await go.Task;
            var (refusal, reservation) = await managers[i % 2].TryReserveAsync("openai", "gpt-4.1", null, amount, CancellationToken.None);
            if (refusal is null)
            {
                managers[i % 2].Settle(reservation, amount / 2);
                return amount / 2;
            }

            return 0m;
        })).ToArray();
        go.SetResult();
        var spent = (await Task.WhenAll(tasks)).Sum();

        spent.ShouldBeGreaterThan(0m);
        var status = a.Status("global/monthly");
        status.Spent.ShouldBe(spent);
        status.Reserved.ShouldBe(0m);
        b.Status("global/monthly").Spent.ShouldBe(spent);

        // Exactly what is left is admitted, whichever provider asks.
        var left = 40m - spent;
        (await b.Budgets.TryReserveAsync("openai", "gpt-4.1", null, left + 0.01m, default)).Refusal.ShouldNotBeNull();
        (await a.Budgets.TryReserveAsync("openai", "gpt-4.1", null, left, default)).Refusal.ShouldBeNull();
        (await b.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 0.01m, default)).Refusal.ShouldNotBeNull();
        a.Errors.ShouldBeEmpty();
        b.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_service_providers_admit_exactly_the_limit_of_concurrent_reservations()
    {
        for (var run = 0; run < 5; run++)
        {
            var path = _folder.File($"pair-{run}.db");
            using var a = new StoreHost(path, StoreHost.Monthly("25"));
            using var b = new StoreHost(path, StoreHost.Monthly("25"), a.Time);
            var managers = new[] { a.Budgets, b.Budgets };
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
            {
                await go.Task;
                return (await managers[i % 2].TryReserveAsync("openai", "gpt-4.1", null, 1m, CancellationToken.None)).Refusal is null;
            })).ToArray();
            go.SetResult();

            (await Task.WhenAll(tasks)).Count(ok => ok).ShouldBe(25, $"run {run}");
            b.Status("global/monthly").Reserved.ShouldBe(25m);
        }
    }

    [Fact]
    public async Task Settle_is_idempotent_by_reservation_id_even_after_a_restart()
    {
        var path = _folder.File("idempotent.db");
        BudgetReservation held;
        using (var first = new StoreHost(path, StoreHost.Monthly("10")))
        {
            (_, held) = await first.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 4m, default);
            var (_, other) = await first.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 3m, default);
            first.Budgets.Settle(held, 2m);
            first.Budgets.Settle(held, 2m); // The manager's own guard.
            first.Store.Settle(held.Id!, held.Levels, 2m).ShouldBeNull(); // A replay reaching the store: no-op.
            first.Budgets.Release(other);
            first.Store.Settle(other.Id!, other.Levels, 0m).ShouldBeNull();
            var status = first.Status("global/monthly");
            status.Spent.ShouldBe(2m);
            status.Reserved.ShouldBe(0m);
        }

        using var second = new StoreHost(path, StoreHost.Monthly("10"));
        second.Store.Settle(held.Id!, held.Levels, 2m).ShouldBeNull();
        second.Status("global/monthly").Spent.ShouldBe(2m);
    }

    [Fact]
    public async Task Reserving_the_same_id_twice_holds_the_budget_once()
    {
        using var host = new StoreHost(_folder.File("same-id.db"), StoreHost.Monthly("10"));
        var level = new BudgetLevel("global/monthly", UsagePeriod.Month, 10m, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        (await host.Store.ReserveAsync("r1", [level], 6m, default)).Reserved.ShouldBeTrue();
        (await host.Store.ReserveAsync("r1", [level], 6m, default)).Reserved.ShouldBeTrue();
        host.Store.Read([level]).Single().Reserved.ShouldBe(6m);
        var refused = await host.Store.ReserveAsync("r2", [level], 5m, default);
        refused.Reserved.ShouldBeFalse();
        refused.Used.ShouldBe(6m);
        host.Store.Settle("r1", [level], 1m).ShouldNotBeNull().Single().ShouldBe(1m);
    }

    [Fact]
    public async Task A_reservation_left_by_a_crashed_process_stops_holding_budget_after_the_reservation_timeout()
    {
        var path = _folder.File("crash.db");
        using (var crashed = new StoreHost(path, StoreHost.Monthly("10"), configure: o => o.ReservationTimeout = TimeSpan.FromMinutes(30)))
        {
            (await crashed.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldBeNull(); // Never settled.
        }

        using var restarted = new StoreHost(path, StoreHost.Monthly("10"), configure: o => o.ReservationTimeout = TimeSpan.FromMinutes(30));
        restarted.Status("global/monthly").Reserved.ShouldBe(8m);
        (await restarted.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldNotBeNull();

        restarted.Time.Advance(TimeSpan.FromMinutes(31));
        restarted.Status("global/monthly").Reserved.ShouldBe(0m);
        (await restarted.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task Nested_levels_refuse_on_the_tightest_and_reserve_nothing_elsewhere()
    {
        using var host = new StoreHost(_folder.File("nested.db"), new Dictionary<string, string?>
        {
            ["AssistantProviders:Budgets:Global:Monthly"] = "100",
            ["AssistantProviders:Budgets:Tenants:acme:Daily"] = "2",
            ["AssistantProviders:Budgets:Models:openai/gpt-4.1:Daily"] = "1",
        });

        (await host.Budgets.TryReserveAsync("openai", "gpt-4.1", "acme", 0.6m, default)).Refusal.ShouldBeNull();
        (await host.Budgets.TryReserveAsync("openai", "gpt-4.1", "acme", 0.6m, default)).Refusal.ShouldNotBeNull().BudgetName.ShouldBe("model:openai/gpt-4.1/daily");
        (await host.Budgets.TryReserveAsync("openai", "gpt-4o", "acme", 1.5m, default)).Refusal.ShouldNotBeNull().BudgetName.ShouldBe("tenant:acme/daily");

        var status = host.Budgets.GetStatus().ToDictionary(s => s.Name);
        status["global/monthly"].Reserved.ShouldBe(0.6m);
        status["tenant:acme/daily"].Reserved.ShouldBe(0.6m);
        status["model:openai/gpt-4.1/daily"].Reserved.ShouldBe(0.6m);
    }

    [Fact]
    public async Task Threshold_alert_fires_once_when_spend_crosses_it_and_not_again_after_a_restart()
    {
        var path = _folder.File("alerts.db");
        var settings = new Dictionary<string, string?>
        {
            ["AssistantProviders:Budgets:Global:Monthly"] = "10",
            ["AssistantProviders:Budgets:AlertThresholds:0"] = "0.5",
        };
        var alerts = 0;
        using (var first = new StoreHost(path, settings))
        {
            first.Budgets.ThresholdReached += (_, _) => alerts++;
            for (var i = 0; i < 6; i++)
            {
                var (_, r) = await first.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, default);
                first.Budgets.Settle(r, 1m);
            }
        }

        using var second = new StoreHost(path, settings);
        second.Budgets.ThresholdReached += (_, _) => alerts++;
        var (_, again) = await second.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, default);
        second.Budgets.Settle(again, 1m);
        alerts.ShouldBe(1);
    }

    [Fact]
    public async Task Accounting_spend_and_ledger_totals_survive_a_restart()
    {
        var path = _folder.File("accounting.db");
        // gpt-4.1: 2 USD / 1M input, 8 USD / 1M output. 1000 in + 1000 max out = 0.01 USD worst case.
        var request = new AccountingRequest("openai", "gpt-4.1", "chat", "acme", 1000, 1000);
        using (var first = new StoreHost(path, StoreHost.Monthly("0.02")))
        {
            for (var i = 0; i < 2; i++)
            {
                var ticket = await first.Accounting.BeginAsync(request, default);
                ticket.ReservedUsd.ShouldBe(0.01m);
                first.Accounting.Settle(ticket, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 500, OutputTokenCount = 500 } });
            }
        }

        using var second = new StoreHost(path, StoreHost.Monthly("0.02"));
        second.Status("global/monthly").Spent.ShouldBe(0.01m);
        var row = second.Ledger.Snapshot().Rows.Single();
        row.Requests.ShouldBe(2);
        row.Cost.ShouldBe(0.01m);
        row.InputTokens.ShouldBe(1000);
        second.Ledger.GetSpend(UsagePeriod.Month, tenant: "acme").ShouldBe(0.01m);

        // 0.01 USD left: one more worst case fits, a second is refused.
        var third = await second.Accounting.BeginAsync(request, default);
        await Should.ThrowAsync<BudgetExceededException>(async () => await second.Accounting.BeginAsync(request, default));
        second.Accounting.Settle(third, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 500, OutputTokenCount = 500 } });
        second.Status("global/monthly").Spent.ShouldBe(0.015m);
    }

    [Fact]
    public async Task Free_calls_never_touch_the_file()
    {
        using var host = new StoreHost(_folder.File("free.db"), StoreHost.Monthly("1"));
        var (refusal, reservation) = await host.Budgets.TryReserveAsync("ollama", "llama3", null, 0m, default);
        refusal.ShouldBeNull();
        reservation.InStore.ShouldBeFalse();
        host.Store.ShouldBeOfType<SqliteBudgetStore>();
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var host = new StoreHost(_folder.File("cancel.db"), StoreHost.Monthly("1"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(async () => await host.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 0.5m, cts.Token));
        host.Errors.ShouldBeEmpty();
    }
}
