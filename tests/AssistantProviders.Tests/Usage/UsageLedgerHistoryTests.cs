// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AssistantProviders.Tests.Usage;

/// <summary><see cref="IUsageLedger.History"/>: one snapshot per period, oldest first, each with that period's counts and latencies.</summary>
public sealed class UsageLedgerHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 30, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Minutes_come_back_oldest_first_with_each_minutes_own_counts_and_percentiles()
    {
        var ledger = new UsageLedger(_time);
        ledger.Record(Attempt(Start.AddMinutes(-2), TimeSpan.FromMilliseconds(100), cost: 0.5m));
        ledger.Record(Attempt(Start.AddMinutes(-2), TimeSpan.FromMilliseconds(300), cost: 0.25m, error: ProviderErrorKind.ServerError));
        ledger.Record(Attempt(Start, TimeSpan.FromMilliseconds(900), cost: 1m));

        var history = ledger.History(UsagePeriod.Minute, 4);

        history.Count.ShouldBe(4);
        history.Select(h => h.Since).ShouldBe([
            new DateTimeOffset(2026, 11, 25, 9, 57, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 25, 9, 59, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
        ]);
        history[0].Rows.ShouldBeEmpty();
        var twoAgo = history[1].Rows.ShouldHaveSingleItem();
        (twoAgo.Requests, twoAgo.Errors, twoAgo.Cost).ShouldBe((2L, 1L, 0.75m));
        twoAgo.P50Latency.ShouldBe(TimeSpan.FromMilliseconds(100)); // Only that minute's samples: the 900 ms one is later.
        twoAgo.P95Latency.ShouldBe(TimeSpan.FromMilliseconds(300));
        history[2].Rows.ShouldBeEmpty();
        var now = history[3].Rows.ShouldHaveSingleItem();
        (now.Requests, now.Cost, now.P50Latency).ShouldBe((1L, 1m, TimeSpan.FromMilliseconds(900)));
        history.ShouldAllBe(h => h.TakenAt == Start);
    }

    [Fact]
    public void One_period_is_the_current_one_and_months_step_back_by_calendar_month()
    {
        var ledger = new UsageLedger(_time);
        ledger.Record(Attempt(new DateTimeOffset(2026, 9, 30, 23, 59, 0, TimeSpan.Zero), TimeSpan.FromMilliseconds(5), cost: 2m));

        ledger.History(UsagePeriod.Minute, 1).ShouldHaveSingleItem().Since.ShouldBe(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var months = ledger.History(UsagePeriod.Month, 3);
        months.Select(m => m.Since!.Value.Month).ShouldBe([9, 10, 11]);
        months[0].TotalCost.ShouldBe(2m);
        months[1].TotalRequests.ShouldBe(0);
    }

    [Fact]
    public void History_reads_the_shared_store_once_for_the_whole_range()
    {
        var store = Substitute.For<IUsageStore>();
        store.Read(default, default, default).ReturnsForAnyArgs([
            new UsageBucket { PeriodStart = new DateTimeOffset(2026, 11, 25, 9, 59, 0, TimeSpan.Zero), ProviderId = "openai", ModelId = "gpt-4.1", Tenant = "a", Requests = 3, Cost = 1.5m },
            new UsageBucket { PeriodStart = new DateTimeOffset(2026, 11, 25, 9, 59, 0, TimeSpan.Zero), ProviderId = "openai", ModelId = "gpt-4.1", Tenant = "b", Requests = 2, Cost = 0.5m },
        ]);
        var ledger = new UsageLedger(_time, store);

        var history = ledger.History(UsagePeriod.Minute, 2);

        store.Received(1).Read(UsagePeriod.Minute, new DateTimeOffset(2026, 11, 25, 9, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var row = history[0].Rows.ShouldHaveSingleItem();
        (row.Requests, row.Cost).ShouldBe((5L, 2m)); // Tenants summed into one provider/model row.
        history[1].Rows.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(IUsageLedger.MaxHistory + 1)]
    public void Counts_outside_1_to_1000_are_refused(int count)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new UsageLedger(_time).History(UsagePeriod.Minute, count)).ParamName.ShouldBe("count");
        Should.Throw<ArgumentOutOfRangeException>(() => new HistorylessLedger().AsInterface().History(UsagePeriod.Minute, count)).ParamName.ShouldBe("count");
    }

    [Fact]
    public void A_ledger_without_history_returns_the_current_period_last_and_empty_ones_before_it()
    {
        var ledger = new HistorylessLedger().AsInterface();

        var history = ledger.History(UsagePeriod.Hour, 3);

        history.Count.ShouldBe(3);
        history[0].Rows.ShouldBeEmpty();
        history[0].Since.ShouldBeNull();
        history[1].Rows.ShouldBeEmpty();
        history[2].ShouldBeSameAs(HistorylessLedger.Current);
    }

    private static UsageRecord Attempt(DateTimeOffset at, TimeSpan latency, decimal cost, ProviderErrorKind? error = null) => new()
    {
        Timestamp = at,
        ProviderId = "openai",
        ModelId = "gpt-4.1",
        InputTokens = 10,
        OutputTokens = 5,
        Cost = cost,
        Latency = latency,
        Error = error,
    };

    /// <summary>A ledger written before <see cref="IUsageLedger.History"/> existed: it gets the default implementation.</summary>
    private sealed class HistorylessLedger : IUsageLedger
    {
        public static readonly UsageSnapshot Current = new() { TakenAt = Start, Since = Start, Rows = [new UsageSnapshotRow { ProviderId = "p", ModelId = "m", Requests = 1 }] };

        public IUsageLedger AsInterface() => this;

        public void Record(UsageRecord record) => throw new NotSupportedException();

        public UsageSnapshot Snapshot() => throw new NotSupportedException();

        public UsageSnapshot Snapshot(UsagePeriod period) => Current;

        public decimal GetSpend(UsagePeriod period, string? providerId = null, string? modelId = null, string? tenant = null) => throw new NotSupportedException();

        public SpendReport GetSpendReport(DateOnly firstDay, DateOnly lastDay, SpendGrouping groupBy) => throw new NotSupportedException();
    }
}
