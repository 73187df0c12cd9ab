// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Tests.Budgets;

/// <summary>
/// <see cref="BudgetManager"/> over a shared <see cref="IBudgetStore"/> (the path Redis and SQLite take): what reaches the store,
/// refusals, fail-open and fail-closed when the store is down, alerts fired from the store's settled spend, and the status.
/// </summary>
public sealed class BudgetManagerStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeLogger _logger = new();

    private static BudgetOptions GlobalDaily(decimal limit, params double[] thresholds) =>
        new() { Global = new BudgetLimitOptions { Daily = limit }, AlertThresholds = thresholds.Length == 0 ? null : thresholds };

    private BudgetManager Manager(BudgetOptions options, IBudgetStore store) => new(options, new FakeTimeProvider(Start), _logger, store: store);

    private IReadOnlyList<FakeLogRecord> Logged(int eventId) => [.. _logger.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    private static object? State(FakeLogRecord record, string key) => record.StructuredState!.Single(kv => kv.Key == key).Value;

    [Fact]
    public void Null_options_are_refused() =>
        Should.Throw<ArgumentNullException>(() => new BudgetManager(null!, store: new ScriptedBudgetStore(failOpen: false))).ParamName.ShouldBe("options");

    [Fact]
    public async Task A_paid_call_is_reserved_in_the_store_under_a_fresh_hex_id_and_settled_there()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var budgets = Manager(GlobalDaily(10m), store);

        var (refusal, reservation) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 2m, CancellationToken.None);

        refusal.ShouldBeNull();
        reservation.InStore.ShouldBeTrue();
        var id = store.ReservationIds.ShouldHaveSingleItem();
        id.Length.ShouldBe(32);
        id.ShouldAllBe(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
        reservation.Id.ShouldBe(id);
        store.ReservedLevels[0].Select(l => l.Name).ShouldBe(["global/daily"]);
        budgets.GetStatus().Single().Reserved.ShouldBe(2m);
        var reserved = Logged(2003).ShouldHaveSingleItem();
        reserved.Level.ShouldBe(LogLevel.Debug);
        State(reserved, "LevelCount").ShouldBe("1");

        budgets.Settle(reservation, 1.25m);

        store.Settles.ShouldBe(1);
        var status = budgets.GetStatus().Single();
        status.Spent.ShouldBe(1.25m);
        status.Reserved.ShouldBe(0m);
    }

    [Fact]
    public async Task Free_calls_and_calls_without_budgets_never_touch_the_store()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var budgets = Manager(GlobalDaily(10m), store);
        (await budgets.TryReserveAsync("openai", "m", null, 0m, CancellationToken.None)).Refusal.ShouldBeNull();
        store.ReservationIds.ShouldBeEmpty();

        var unbudgeted = new ScriptedBudgetStore(failOpen: false);
        var none = Manager(new BudgetOptions(), unbudgeted);
        var (refusal, reservation) = await none.TryReserveAsync("openai", "m", null, 3m, CancellationToken.None);
        refusal.ShouldBeNull();
        reservation.InStore.ShouldBeFalse();
        reservation.Amount.ShouldBe(3m);
        unbudgeted.ReservationIds.ShouldBeEmpty();
        none.GetStatus().ShouldBeEmpty();
        unbudgeted.Reads.ShouldBe(0, "no level to read, so no round trip");
        none.CanAfford("openai", "m", 1_000m).ShouldBeTrue();
    }

    [Fact]
    public async Task A_paid_call_that_no_level_covers_is_admitted_without_the_store()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var options = new BudgetOptions();
        options.Providers["anthropic"] = new BudgetLimitOptions { Daily = 1m };
        var budgets = Manager(options, store);

        var (refusal, reservation) = await budgets.TryReserveAsync("openai", "m", null, 5m, CancellationToken.None);

        refusal.ShouldBeNull();
        reservation.InStore.ShouldBeFalse();
        reservation.Amount.ShouldBe(5m);
        store.ReservationIds.ShouldBeEmpty();
        budgets.CanAfford("openai", "m", 5m).ShouldBeTrue();
    }

    [Fact]
    public async Task A_refusal_from_the_store_names_the_level_the_route_and_what_was_used()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 100m } };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 1m };
        var budgets = Manager(options, store);
        var (_, first) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 0.6m, CancellationToken.None);
        budgets.Settle(first, 0.3m);
        (await budgets.TryReserveAsync("openai", "gpt-4.1", null, 0.25m, CancellationToken.None)).Refusal.ShouldBeNull();

        var (refusal, reservation) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 0.5m, CancellationToken.None);

        refusal.ShouldNotBeNull();
        refusal.BudgetName.ShouldBe("provider:openai/daily");
        refusal.Limit.ShouldBe(1m);
        refusal.Spent.ShouldBe(0.55m);
        refusal.Requested.ShouldBe(0.5m);
        refusal.ProviderId.ShouldBe("openai");
        refusal.ModelId.ShouldBe("gpt-4.1");
        reservation.Completed.ShouldBe(1, "a refused reservation can never be settled");
        reservation.InStore.ShouldBeFalse();
        var log = Logged(2004).ShouldHaveSingleItem();
        State(log, "BudgetName").ShouldBe("provider:openai/daily");
        State(log, "Spent").ShouldBe("0.55");
    }

    [Fact]
    public async Task A_store_that_throws_on_reserve_fails_closed_with_a_typed_refusal()
    {
        var down = new InvalidOperationException("connection refused");
        var store = new ScriptedBudgetStore(failOpen: false) { ReserveThrows = down };
        var budgets = Manager(GlobalDaily(10m), store);

        var (refusal, reservation) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, CancellationToken.None);

        refusal.ShouldNotBeNull();
        refusal.InnerException.ShouldBeSameAs(down);
        refusal.Message.ShouldContain("FailClosed");
        refusal.Message.ShouldContain("'openai/gpt-4.1'");
        refusal.ProviderId.ShouldBe("openai");
        refusal.ModelId.ShouldBe("gpt-4.1");
        reservation.Completed.ShouldBe(1);
        Logged(2017).ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
        Logged(2016).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_store_that_throws_on_reserve_fails_open_to_the_in_process_counters()
    {
        var store = new ScriptedBudgetStore(failOpen: true) { ReserveThrows = new InvalidOperationException("timeout") };
        var budgets = Manager(GlobalDaily(1m), store);

        var (refusal, reservation) = await budgets.TryReserveAsync("openai", "m", null, 0.75m, CancellationToken.None);

        refusal.ShouldBeNull();
        reservation.InStore.ShouldBeFalse();
        reservation.Counters.ShouldHaveSingleItem().Reserved.ShouldBe(0.75m);
        Logged(2016).ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Warning);
        Logged(2017).ShouldBeEmpty();
        (await budgets.TryReserveAsync("openai", "m", null, 0.5m, CancellationToken.None)).Refusal.ShouldNotBeNull("the local counters still hold the limit");
    }

    [Fact]
    public async Task Cancellation_while_reserving_is_not_taken_for_an_unavailable_store()
    {
        var store = new ScriptedBudgetStore(failOpen: true) { ReserveThrows = new OperationCanceledException() };
        var budgets = Manager(GlobalDaily(10m), store);
        await Should.ThrowAsync<OperationCanceledException>(async () => await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None));
        Logged(2016).ShouldBeEmpty();
    }

    [Fact]
    public async Task CanAfford_reads_the_store_and_counts_spent_and_reserved_on_every_level()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 100m } };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 1m };
        var budgets = Manager(options, store);
        var (_, reservation) = await budgets.TryReserveAsync("openai", "m", null, 0.5m, CancellationToken.None);
        budgets.Settle(reservation, 0.25m);
        (await budgets.TryReserveAsync("openai", "m", null, 0.25m, CancellationToken.None)).Refusal.ShouldBeNull();

        budgets.CanAfford("openai", "m", 0.5m).ShouldBeTrue("0.25 spent + 0.25 reserved + 0.5 is exactly the limit");
        budgets.CanAfford("openai", "m", 0.51m).ShouldBeFalse();
        budgets.CanAfford("anthropic", "m", 99.5m).ShouldBeTrue();
        budgets.CanAfford("anthropic", "m", 99.51m).ShouldBeFalse("the global level saw openai's 0.5");
        budgets.CanAfford("openai", "m", 0m).ShouldBeTrue();
        store.Reads.ShouldBe(4, "a free call needs no read");
        Logged(2018).ShouldBeEmpty();
    }

    [Fact]
    public void CanAfford_with_an_unreadable_store_refuses_when_failing_closed()
    {
        var store = new ScriptedBudgetStore(failOpen: false) { ReadThrows = new InvalidOperationException("down") };
        var budgets = Manager(GlobalDaily(10m), store);
        budgets.CanAfford("openai", "m", 1m).ShouldBeFalse();
        Logged(2018).ShouldHaveSingleItem();
    }

    [Fact]
    public void CanAfford_with_an_unreadable_store_uses_the_local_counters_when_failing_open()
    {
        var store = new ScriptedBudgetStore(failOpen: true) { ReadThrows = new InvalidOperationException("down") };
        var budgets = Manager(GlobalDaily(10m), store);
        budgets.CanAfford("openai", "m", 10m).ShouldBeTrue();
        budgets.CanAfford("openai", "m", 10.01m).ShouldBeFalse();
        Logged(2018).Count.ShouldBe(2);
    }

    [Fact]
    public void CanAfford_does_not_swallow_cancellation()
    {
        var store = new ScriptedBudgetStore(failOpen: true) { ReadThrows = new OperationCanceledException() };
        var budgets = Manager(GlobalDaily(10m), store);
        Should.Throw<OperationCanceledException>(() => budgets.CanAfford("openai", "m", 1m));
    }

    [Fact]
    public async Task The_status_lists_configured_and_seen_levels_from_the_store_in_name_order()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m, Monthly = 100m } };
        options.Tenants["*"] = new BudgetLimitOptions { Daily = 2m };
        options.Models["openai/gpt-4.1"] = new BudgetLimitOptions { Daily = 5m };
        var budgets = Manager(options, store);

        budgets.GetStatus().Select(s => s.Name).ShouldBe(["global/daily", "global/monthly", "model:openai/gpt-4.1/daily"]);

        var (_, reservation) = await budgets.TryReserveAsync("openai", "gpt-4.1", "acme", 1.5m, CancellationToken.None);
        var status = budgets.GetStatus();

        status.Select(s => s.Name).ShouldBe(["global/daily", "global/monthly", "model:openai/gpt-4.1/daily", "tenant:acme/daily"]);
        status.ShouldAllBe(s => s.Reserved == 1.5m && s.Spent == 0m);
        var tenant = status[3];
        tenant.Limit.ShouldBe(2m);
        tenant.PeriodStart.ShouldBe(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        tenant.ResetsAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        status[1].ResetsAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        budgets.Settle(reservation, 0.5m);
        budgets.GetStatus().ShouldAllBe(s => s.Spent == 0.5m && s.Reserved == 0m);
    }

    [Fact]
    public async Task An_unreadable_store_gives_the_local_status_and_logs()
    {
        var store = new ScriptedBudgetStore(failOpen: true);
        var budgets = Manager(GlobalDaily(10m), store);
        (await budgets.TryReserveAsync("openai", "m", null, 4m, CancellationToken.None)).Refusal.ShouldBeNull();
        store.ReadThrows = new InvalidOperationException("down");

        var status = budgets.GetStatus().ShouldHaveSingleItem();

        status.Name.ShouldBe("global/daily");
        status.Reserved.ShouldBe(0m, "the reservation lives in the store; the local counters never saw it");
        Logged(2018).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_settle_that_crosses_thresholds_in_the_store_fires_each_once_with_the_store_spend()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var budgets = Manager(GlobalDaily(10m, 0.5, 0.8), store);
        var alerts = new List<BudgetAlertEventArgs>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e);

        var (_, reservation) = await budgets.TryReserveAsync("openai", "m", null, 9m, CancellationToken.None);
        budgets.Settle(reservation, 8m);

        alerts.Select(a => a.Threshold).ShouldBe([0.5, 0.8]);
        alerts.ShouldAllBe(a => a.BudgetName == "global/daily" && a.Status.Spent == 8m && a.Status.Limit == 10m);
        alerts[0].Status.Period.ShouldBe(UsagePeriod.Day);
        alerts[0].Status.PeriodStart.ShouldBe(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        alerts[0].Status.ResetsAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        Logged(2005).Select(r => State(r, "Percent")).ShouldBe(["50", "80"]);

        var (_, next) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(next, 1m);
        alerts.Count.ShouldBe(2, "8 → 9 USD starts above both thresholds");
    }

    [Fact]
    public async Task A_threshold_fires_on_the_settle_that_lands_exactly_on_it_and_not_on_the_one_that_starts_there()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m }, AlertThresholds = [0.8] };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 20m };
        var budgets = Manager(options, store);
        var alerts = new List<BudgetAlertEventArgs>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e);

        var (_, first) = await budgets.TryReserveAsync("openai", "m", null, 7m, CancellationToken.None);
        budgets.Settle(first, 7m);
        alerts.ShouldBeEmpty();
        var (_, second) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(second, 1m);
        alerts.ShouldHaveSingleItem().BudgetName.ShouldBe("global/daily");
        var (_, third) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(third, 1m);
        alerts.Count.ShouldBe(1);

        var (_, fourth) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(fourth, 7m);
        alerts.Count.ShouldBe(2);
        alerts[1].BudgetName.ShouldBe("provider:openai/daily");
        alerts[1].Status.Spent.ShouldBe(16m);
    }

    [Fact]
    public async Task A_deferred_or_short_settle_answer_fires_nothing_and_never_throws()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m }, AlertThresholds = [0.1] };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 10m };
        var budgets = Manager(options, store);
        var alerts = new List<BudgetAlertEventArgs>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e);

        store.SettleResult = _ => null;
        var (_, deferred) = await budgets.TryReserveAsync("openai", "m", null, 5m, CancellationToken.None);
        budgets.Settle(deferred, 5m);
        alerts.ShouldBeEmpty();

        store.SettleResult = spent => [spent![0]];
        var (_, shortAnswer) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(shortAnswer, 1m);
        alerts.ShouldBeEmpty("global was already at 50 % before");

        store.SettleResult = spent => [.. spent!, 999m];
        var (_, longAnswer) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(longAnswer, 1m);
        alerts.ShouldBeEmpty("an extra entry has no level to alert on");
    }

    [Fact]
    public async Task A_store_level_with_a_zero_limit_is_skipped_when_alerting()
    {
        var store = new ScriptedBudgetStore(failOpen: false) { AdmitEverything = true };
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 0m }, AlertThresholds = [0.5] };
        options.Providers["openai"] = new BudgetLimitOptions { Daily = 4m };
        var budgets = Manager(options, store);
        var alerts = new List<BudgetAlertEventArgs>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e);

        var (_, reservation) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);
        budgets.Settle(reservation, 3m);

        alerts.ShouldHaveSingleItem().BudgetName.ShouldBe("provider:openai/daily");
    }

    [Fact]
    public async Task Releasing_a_store_reservation_frees_it_and_fires_nothing()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var budgets = Manager(GlobalDaily(1m, 0.0001), store);
        var fired = 0;
        budgets.ThresholdReached += (_, _) => fired++;
        var (_, reservation) = await budgets.TryReserveAsync("openai", "m", null, 1m, CancellationToken.None);

        budgets.Release(reservation);

        fired.ShouldBe(0);
        budgets.GetStatus().Single().Remaining.ShouldBe(1m);
    }

    [Fact]
    public async Task A_store_settle_goes_through_the_asynchronous_call_and_fires_its_alerts_after_it_completes()
    {
        var store = new ScriptedBudgetStore(failOpen: false) { Yields = true };
        var budgets = Manager(GlobalDaily(10m, 0.5), store);
        var alerts = new List<BudgetAlertEventArgs>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e);
        var (_, reservation) = await budgets.TryReserveAsync("openai", "m", null, 9m, CancellationToken.None);

        var settling = budgets.SettleAsync(reservation, 6m);
        await settling;
        await budgets.SettleAsync(reservation, 6m); // A second settle is a no-op and never reaches the store.

        store.AsyncSettles.ShouldBe(1);
        store.Settles.ShouldBe(1, "the manager never calls the blocking Settle itself");
        alerts.ShouldHaveSingleItem().Status.Spent.ShouldBe(6m);
        var status = (await budgets.GetStatusAsync()).ShouldHaveSingleItem();
        status.Spent.ShouldBe(6m);
        status.Reserved.ShouldBe(0m);
        store.AsyncReads.ShouldBe(1);
    }

    [Fact]
    public async Task The_asynchronous_status_falls_back_to_the_local_status_when_the_store_is_unreadable_and_passes_cancellation_on()
    {
        var store = new ScriptedBudgetStore(failOpen: true) { Yields = true };
        var budgets = Manager(GlobalDaily(10m), store);
        (await budgets.TryReserveAsync("openai", "m", null, 4m, CancellationToken.None)).Refusal.ShouldBeNull();
        (await budgets.GetStatusAsync()).Single().Reserved.ShouldBe(4m);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(async () => await budgets.GetStatusAsync(cancelled.Token));

        store.ReadThrows = new InvalidOperationException("down");
        var status = (await budgets.GetStatusAsync()).ShouldHaveSingleItem();
        status.Reserved.ShouldBe(0m, "the local counters never saw the store's reservation");
        Logged(2018).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Without_a_store_the_asynchronous_status_is_the_local_status()
    {
        var budgets = new BudgetManager(GlobalDaily(10m), new FakeTimeProvider(Start), _logger);
        budgets.TryReserve("openai", "m", null, 3m, out var reservation).ShouldBeNull();
        (await budgets.GetStatusAsync()).Single().Reserved.ShouldBe(3m);
        await budgets.ReleaseAsync(reservation);
        (await budgets.GetStatusAsync()).Single().Reserved.ShouldBe(0m);
        (await ((IBudgetManager)budgets).GetStatusAsync()).Select(x => (x.Name, x.Spent, x.Reserved, x.Limit))
            .ShouldBe(budgets.GetStatus().Select(x => (x.Name, x.Spent, x.Reserved, x.Limit)));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(async () => await budgets.GetStatusAsync(cancelled.Token));
    }

    [Fact]
    public async Task With_a_store_but_no_budget_the_asynchronous_status_is_empty_and_never_reads_the_store()
    {
        var store = new ScriptedBudgetStore(failOpen: false);
        var budgets = Manager(new BudgetOptions(), store);

        (await budgets.GetStatusAsync()).ShouldBeEmpty();

        store.AsyncReads.ShouldBe(0);
        store.Reads.ShouldBe(0);
    }
}
