// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Usage;

namespace AssistantProviders.Tests.Cost;

public sealed class UsageLedgerTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshot_aggregates_by_provider_and_model_with_error_rate()
    {
        var time = new FakeTimeProvider(Day1);
        var ledger = new UsageLedger(time);
        ledger.Record(Rec("openai", "gpt-4.1", cost: 0.10m, input: 100, output: 50));
        ledger.Record(Rec("openai", "gpt-4.1", cost: 0.20m, input: 200, output: 70, error: ProviderErrorKind.RateLimited));
        ledger.Record(Rec("openai", "gpt-4.1", cost: null, input: 1, output: 1));
        ledger.Record(Rec("groq", "llama-3.1-8b-instant", cost: 0.01m, input: 10, output: 5));

        var snapshot = ledger.Snapshot();

        snapshot.Rows.Select(r => r.ProviderId).ShouldBe(["groq", "openai"]);
        var openai = snapshot.Rows.Single(r => r.ProviderId == "openai");
        openai.Requests.ShouldBe(3);
        openai.Errors.ShouldBe(1);
        openai.ErrorRate.ShouldBe(1d / 3d, 1e-9);
        openai.ErrorsByKind[ProviderErrorKind.RateLimited].ShouldBe(1);
        openai.InputTokens.ShouldBe(301);
        openai.OutputTokens.ShouldBe(121);
        openai.Cost.ShouldBe(0.30m);
        openai.UnpricedRequests.ShouldBe(1);
        snapshot.TotalCost.ShouldBe(0.31m);
        snapshot.TotalRequests.ShouldBe(4);
    }

    [Fact]
    public void Percentiles_use_nearest_rank()
    {
        var ledger = new UsageLedger(new FakeTimeProvider(Day1));
        for (var ms = 1; ms <= 100; ms++)
        {
            ledger.Record(Rec("p", "m", latencyMs: ms, ttftMs: ms * 10));
        }

        var row = ledger.Snapshot().Rows.Single();

        row.P50Latency.ShouldBe(TimeSpan.FromMilliseconds(50));
        row.P95Latency.ShouldBe(TimeSpan.FromMilliseconds(95));
        row.P50TimeToFirstToken.ShouldBe(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Period_snapshot_and_spend_cover_only_the_current_period()
    {
        var time = new FakeTimeProvider(Day1);
        var ledger = new UsageLedger(time);
        ledger.Record(Rec("p", "m", cost: 1m, at: Day1));
        time.Advance(TimeSpan.FromDays(1));
        ledger.Record(Rec("p", "m", cost: 2m, at: time.GetUtcNow(), tenant: "acme"));
        ledger.Record(Rec("p", "other", cost: 4m, at: time.GetUtcNow()));

        ledger.GetSpend(UsagePeriod.Day).ShouldBe(6m);
        ledger.GetSpend(UsagePeriod.Day, "p", "m").ShouldBe(2m);
        ledger.GetSpend(UsagePeriod.Day, tenant: "acme").ShouldBe(2m);
        ledger.GetSpend(UsagePeriod.Month).ShouldBe(7m);
        ledger.GetSpend(UsagePeriod.Hour).ShouldBe(6m);
        var today = ledger.Snapshot(UsagePeriod.Day);
        today.Rows.Single(r => r.ModelId == "m").Requests.ShouldBe(1);
        today.Since.ShouldBe(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        ledger.Snapshot().Rows.Single(r => r.ModelId == "m").Requests.ShouldBe(2);
    }

    [Fact]
    public void Spend_report_groups_by_day_tenant_model_and_provider()
    {
        var time = new FakeTimeProvider(Day1);
        var ledger = new UsageLedger(time);
        ledger.Record(Rec("openai", "gpt-4.1", cost: 1m, tenant: "acme", at: Day1));
        ledger.Record(Rec("openai", "gpt-4o", cost: 2m, tenant: "beta", at: Day1));
        ledger.Record(Rec("groq", "llama", cost: 4m, tenant: "acme", at: Day1.AddDays(1)));
        ledger.Record(Rec("groq", "llama", cost: 8m, tenant: "acme", at: Day1.AddDays(5)));
        var from = DateOnly.FromDateTime(Day1.UtcDateTime);
        var to = from.AddDays(1);

        var byDay = ledger.GetSpendReport(from, to, SpendGrouping.Day);
        byDay.Rows.Select(r => (r.Day, r.Cost)).ShouldBe([(from, 3m), (to, 4m)]);
        byDay.TotalCost.ShouldBe(7m);

        var byTenant = ledger.GetSpendReport(from, to, SpendGrouping.Tenant);
        byTenant.Rows.Select(r => (r.Tenant, r.Cost)).ShouldBe([("acme", 5m), ("beta", 2m)]);

        var byModel = ledger.GetSpendReport(from, to, SpendGrouping.Model);
        byModel.Rows.Select(r => (r.ProviderId, r.ModelId, r.Cost)).ShouldBe([("groq", "llama", 4m), ("openai", "gpt-4.1", 1m), ("openai", "gpt-4o", 2m)]);

        var byProvider = ledger.GetSpendReport(from, to, SpendGrouping.Provider);
        byProvider.Rows.Select(r => (r.ProviderId, r.ModelId, r.Cost)).ShouldBe([("groq", (string?)null, 4m), ("openai", null, 3m)]);

        var byDayAndTenant = ledger.GetSpendReport(from, from.AddDays(10), SpendGrouping.Day | SpendGrouping.Tenant);
        byDayAndTenant.Rows.Count.ShouldBe(4);
        byDayAndTenant.TotalCost.ShouldBe(15m);
    }

    [Fact]
    public async Task Concurrent_records_are_all_counted()
    {
        var ledger = new UsageLedger(new FakeTimeProvider(Day1));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                ledger.Record(Rec("p", "m", cost: 0.001m, input: 1));
            }
        })));

        var row = ledger.Snapshot().Rows.Single();
        row.Requests.ShouldBe(8000);
        row.InputTokens.ShouldBe(8000);
        row.Cost.ShouldBe(8m);
    }

    private static UsageRecord Rec(
        string provider,
        string model,
        decimal? cost = 0m,
        long input = 0,
        long output = 0,
        ProviderErrorKind? error = null,
        double latencyMs = 10,
        double? ttftMs = null,
        string? tenant = null,
        DateTimeOffset? at = null) => new()
        {
            ProviderId = provider,
            ModelId = model,
            Cost = cost,
            InputTokens = input,
            OutputTokens = output,
            Error = error,
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            TimeToFirstToken = ttftMs is { } t ? TimeSpan.FromMilliseconds(t) : null,
            Tenant = tenant,
            Timestamp = at ?? Day1,
        };
}
