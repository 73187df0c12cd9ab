// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AssistantProviders.Tests.Usage;

/// <summary>The ledger over a registered <see cref="IUsageStore"/>: it records there, answers from the store's buckets and from its own counts while the store is unavailable.</summary>
public sealed class UsageLedgerStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Snapshots_spend_and_reports_come_from_the_store_with_this_instances_latencies()
    {
        var shared = new InMemoryUsageStore(_time);
        shared.Record(Attempt("other-instance", 2m, TimeSpan.FromSeconds(9)));
        var ledger = new UsageLedger(_time, shared);

        ledger.Record(Attempt("acme", 1m, TimeSpan.FromMilliseconds(200)));

        var row = ledger.Snapshot().Rows.ShouldHaveSingleItem();
        row.Requests.ShouldBe(2);
        row.Cost.ShouldBe(3m);
        row.P50Latency.ShouldBe(TimeSpan.FromMilliseconds(200)); // Percentiles are this instance's own.
        ledger.Snapshot(UsagePeriod.Day).TotalCost.ShouldBe(3m);
        ledger.GetSpend(UsagePeriod.Month, "OPENAI", tenant: "acme").ShouldBe(1m);
        var report = ledger.GetSpendReport(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime), SpendGrouping.Tenant);
        report.Rows.Select(r => (r.Tenant, r.Cost)).ShouldBe([("acme", 1m), ("other-instance", 2m)]);
    }

    [Fact]
    public void While_the_store_is_unavailable_the_ledger_answers_from_its_own_counts()
    {
        var store = Substitute.For<IUsageStore>();
        store.ReadAllTime().Returns((IReadOnlyList<UsageBucket>?)null);
        store.Read(default, default, default).ReturnsForAnyArgs((IReadOnlyList<UsageBucket>?)null);
        var ledger = new UsageLedger(_time, store);

        ledger.Record(Attempt("acme", 1m, TimeSpan.FromMilliseconds(200)));

        store.Received(1).Record(Arg.Is<UsageRecord>(r => r.Tenant == "acme"));
        ledger.Snapshot().TotalCost.ShouldBe(1m);
        ledger.Snapshot(UsagePeriod.Hour).TotalRequests.ShouldBe(1);
        ledger.GetSpend(UsagePeriod.Day).ShouldBe(1m);
        ledger.GetSpendReport(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime), SpendGrouping.None).TotalCost.ShouldBe(1m);
    }

    private static UsageRecord Attempt(string tenant, decimal cost, TimeSpan latency) => new()
    {
        Timestamp = Start,
        ProviderId = "openai",
        ModelId = "gpt-4.1",
        Tenant = tenant,
        InputTokens = 10,
        OutputTokens = 5,
        Cost = cost,
        Latency = latency,
    };
}
