// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Redis.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Tests;

public sealed class RedisBudgetTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisBudgetTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    private static Dictionary<string, string?> GlobalDaily(string limit) => new() { ["AssistantProviders:Budgets:Global:Daily"] = limit };

    [Fact]
    public async Task Three_instances_admit_exactly_40_of_150_concurrent_reservations_50_runs_in_a_row()
    {
        _redis.SkipIfUnavailable();
        for (var run = 0; run < 50; run++)
        {
            using var fleet = new Fleet(_redis, 3, GlobalDaily("40"));
            var managers = Enumerable.Range(0, 3).Select(fleet.Budgets).ToArray();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = Enumerable.Range(0, 150).Select(i => Task.Run(async () =>
            {
                await go.Task;
                var (refusal, _) = await managers[i % 3].TryReserveAsync("openai", "gpt-4.1", null, 1m, CancellationToken.None);
                return refusal is null;
            })).ToArray();
            go.SetResult();
            var admitted = (await Task.WhenAll(tasks)).Count(ok => ok);

            admitted.ShouldBe(40, $"run {run}");
            var status = (await managers[run % 3].GetStatusAsync()).Single(s => s.Name == "global/daily");
            status.Reserved.ShouldBe(40m, $"run {run}");
            status.Spent.ShouldBe(0m);
        }
    }

    [Fact]
    public async Task Uneven_reservations_never_overspend_across_instances()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 3, GlobalDaily("40"));
        var amounts = Enumerable.Range(0, 150).Select(i => 0.5m + (i % 7 * 0.25m)).ToArray();
        var tasks = amounts.Select((amount, i) => Task.Run(async () =>
        {
            var (refusal, _) = await fleet.Budgets(i % 3).TryReserveAsync("openai", "gpt-4.1", null, amount, CancellationToken.None);
            return refusal is null ? amount : 0m;
        })).ToArray();
        var admitted = (await Task.WhenAll(tasks)).Sum();

        admitted.ShouldBeLessThanOrEqualTo(40m);
        admitted.ShouldBeGreaterThan(0m);
        (await fleet.Budgets(0).GetStatusAsync()).Single(s => s.Name == "global/daily").Reserved.ShouldBe(admitted);
    }

    [Fact]
    public async Task Accounting_reserves_worst_case_settles_actual_and_the_fleet_sees_the_spend()
    {
        _redis.SkipIfUnavailable();
        // gpt-4.1: 2 USD / 1M input, 8 USD / 1M output. 1000 in + 1000 max out = 0.01 USD worst case; 40 fit in 0.40.
        using var fleet = new Fleet(_redis, 3, GlobalDaily("0.40"));
        var request = new AccountingRequest("openai", "gpt-4.1", "chat", "acme", 1000, 1000);
        var tickets = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Ticket: await fleet.Accounting(i % 3).BeginAsync(request, CancellationToken.None), Instance: i % 3);
            }
            catch (BudgetExceededException)
            {
                return (Ticket: (AccountingTicket?)null, Instance: i % 3);
            }
        })));
        var admitted = tickets.Where(t => t.Ticket is not null).Select(t => (Ticket: t.Ticket!, t.Instance)).ToList();
        admitted.Count.ShouldBe(40);
        admitted[0].Ticket.ReservedUsd.ShouldBe(0.01m);

        // Each call actually used 500 in + 500 out = 0.005 USD.
        foreach (var (ticket, instance) in admitted)
        {
            fleet.Accounting(instance).Settle(ticket, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 500, OutputTokenCount = 500 } });
        }

        var status = (await fleet.Budgets(2).GetStatusAsync()).Single(s => s.Name == "global/daily");
        status.Spent.ShouldBe(0.2m);
        status.Reserved.ShouldBe(0m);

        var snapshot = fleet.Ledger(1).Snapshot();
        var row = snapshot.Rows.Single();
        row.Requests.ShouldBe(40);
        row.Cost.ShouldBe(0.2m);
        row.InputTokens.ShouldBe(40 * 500);
        fleet.Ledger(0).GetSpend(UsagePeriod.Day, tenant: "acme").ShouldBe(0.2m);
        fleet.Ledger(0).GetSpend(UsagePeriod.Day, tenant: "other").ShouldBe(0m);
    }

    [Fact]
    public async Task Nested_levels_refuse_on_the_tightest_and_reserve_nothing_elsewhere()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 2, new Dictionary<string, string?>
        {
            ["AssistantProviders:Budgets:Global:Monthly"] = "100",
            ["AssistantProviders:Budgets:Tenants:acme:Daily"] = "2",
            ["AssistantProviders:Budgets:Providers:openai:Daily"] = "5",
            ["AssistantProviders:Budgets:Models:openai/gpt-4.1:Daily"] = "1",
        });

        (await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", "acme", 0.6m, default)).Refusal.ShouldBeNull();
        var refused = (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", "acme", 0.6m, default)).Refusal.ShouldNotBeNull();
        refused.BudgetName.ShouldBe("model:openai/gpt-4.1/daily");
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4o", "acme", 1.5m, default)).Refusal.ShouldNotBeNull().BudgetName.ShouldBe("tenant:acme/daily");
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4o", "acme", 1.4m, default)).Refusal.ShouldBeNull();

        var status = (await fleet.Budgets(0).GetStatusAsync()).ToDictionary(s => s.Name);
        status["global/monthly"].Reserved.ShouldBe(2.0m);
        status["provider:openai/daily"].Reserved.ShouldBe(2.0m);
        status["model:openai/gpt-4.1/daily"].Reserved.ShouldBe(0.6m);
        status["tenant:acme/daily"].Reserved.ShouldBe(2.0m);
        fleet.Budgets(1).CanAfford("openai", "gpt-4o", 0.1m, "acme").ShouldBeFalse();
        fleet.Budgets(1).CanAfford("openai", "gpt-4o", 0.1m, "other").ShouldBeTrue();
    }

    [Fact]
    public async Task Settle_is_idempotent_by_reservation_id_and_release_frees_the_budget()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 2, GlobalDaily("10"));
        var (_, a) = await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", null, 4m, default);
        var (_, b) = await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", null, 4m, default);
        a.InStore.ShouldBeTrue();

        fleet.Budgets(0).Settle(a, 1m);
        fleet.Budgets(0).Settle(a, 1m); // Second call: no-op in process.
        var store = (Internal.RedisBudgetStore)fleet[0].GetService(typeof(AssistantProviders.Budgets.IBudgetStore))!;
        store.Settle(a.Id!, a.Levels, 1m).ShouldBeNull(); // A replay (say after a reconnect) is a no-op in Redis too.
        fleet.Budgets(1).Release(b);

        var status = (await fleet.Budgets(1).GetStatusAsync()).Single();
        status.Spent.ShouldBe(1m);
        status.Reserved.ShouldBe(0m);
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", null, 9m, default)).Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task Threshold_alert_fires_once_across_the_fleet()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 3, new Dictionary<string, string?>
        {
            ["AssistantProviders:Budgets:Global:Daily"] = "10",
            ["AssistantProviders:Budgets:AlertThresholds:0"] = "0.5",
        });
        var alerts = 0;
        for (var i = 0; i < 3; i++)
        {
            fleet.Budgets(i).ThresholdReached += (_, e) => Interlocked.Increment(ref alerts);
        }

        for (var i = 0; i < 9; i++)
        {
            var (_, r) = await fleet.Budgets(i % 3).TryReserveAsync("openai", "gpt-4.1", null, 1m, default);
            fleet.Budgets(i % 3).Settle(r, 1m);
        }

        alerts.ShouldBe(1);
    }

    [Fact]
    public async Task A_reservation_of_a_crashed_instance_stops_holding_budget_after_the_reservation_timeout()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 2, GlobalDaily("10"), o => o.ReservationTimeout = TimeSpan.FromMinutes(5));
        (await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldBeNull(); // Never settled.
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldNotBeNull();

        fleet.Time.Advance(TimeSpan.FromMinutes(6));
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task Free_calls_never_touch_the_store()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 1, GlobalDaily("1"));
        var (refusal, reservation) = await fleet.Budgets(0).TryReserveAsync("ollama", "llama3", null, 0m, default);
        refusal.ShouldBeNull();
        reservation.InStore.ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_asynchronous_settle_is_kept_and_counted_exactly_once()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 1, GlobalDaily("10"));
        var (_, held) = await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", null, 2m, default);
        var store = (RedisBudgetStore)fleet[0].GetRequiredService<IBudgetStore>();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await store.SettleAsync(held.Id!, held.Levels, 1.5m, cancelled.Token));

        store.PendingCount.ShouldBe(1, "a settle that may not have reached Redis is kept");
        store.FlushPending();
        store.PendingCount.ShouldBe(0);
        (await store.ReadAsync(held.Levels, default)).ShouldBe([new BudgetLevelUsage(1.5m, 0m)]);
        (await store.SettleAsync(held.Id!, held.Levels, 1.5m, default)).ShouldBeNull("the id was settled once already");
        (await fleet.Budgets(0).GetStatusAsync()).Single().Spent.ShouldBe(1.5m);
    }
}
