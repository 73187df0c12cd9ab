// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Tests;

public sealed class SqliteLedgerTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoBudgets = [];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Spend_by_period_and_snapshot_totals_survive_a_restart_latencies_do_not()
    {
        var path = _folder.File("ledger.db");
        using (var first = new StoreHost(path, NoBudgets))
        {
            var ledger = first.Ledger;
            ledger.Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Tenant = "acme", Cost = 0.25m, InputTokens = 100, CachedInputTokens = 40, OutputTokens = 10, Latency = TimeSpan.FromMilliseconds(300) });
            ledger.Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Tenant = "beta", Cost = 0.5m, InputTokens = 200, OutputTokens = 20, Latency = TimeSpan.FromMilliseconds(500) });
            ledger.Record(new UsageRecord { ProviderId = "groq", ModelId = "llama", Error = ProviderErrorKind.RateLimited, Cost = null });
            ledger.Record(new UsageRecord { ProviderId = "groq", ModelId = "llama", Cancelled = true, Error = ProviderErrorKind.Timeout, Cost = 0m });
            first.Ledger.Snapshot().Rows.Single(r => r.ProviderId == "openai").P50Latency.ShouldNotBeNull();
        }

        using var second = new StoreHost(path, NoBudgets, new FakeTimeProvider(StoreHost.Start.AddHours(2)));
        var snapshot = second.Ledger.Snapshot();
        snapshot.TotalRequests.ShouldBe(4);
        snapshot.TotalErrors.ShouldBe(1);
        snapshot.TotalCost.ShouldBe(0.75m);
        var openai = snapshot.Rows.Single(r => r.ProviderId == "openai");
        openai.InputTokens.ShouldBe(300);
        openai.CachedInputTokens.ShouldBe(40);
        openai.OutputTokens.ShouldBe(30);
        openai.P50Latency.ShouldBeNull(); // Percentiles are per process, since it started.
        var groq = snapshot.Rows.Single(r => r.ProviderId == "groq");
        groq.Cancelled.ShouldBe(1);
        groq.UnpricedRequests.ShouldBe(1);
        groq.ErrorsByKind.ShouldBe(new Dictionary<ProviderErrorKind, long> { [ProviderErrorKind.RateLimited] = 1 });

        second.Ledger.GetSpend(UsagePeriod.Month).ShouldBe(0.75m);
        second.Ledger.GetSpend(UsagePeriod.Day, providerId: "OpenAI", tenant: "acme").ShouldBe(0.25m);
        second.Ledger.GetSpend(UsagePeriod.Day, modelId: "GPT-4.1").ShouldBe(0.75m);
        second.Ledger.GetSpend(UsagePeriod.Hour).ShouldBe(0m); // Two hours later: a new hour.
        second.Ledger.Snapshot(UsagePeriod.Day).TotalCost.ShouldBe(0.75m);
        second.Ledger.Snapshot(UsagePeriod.Hour).Rows.ShouldBeEmpty();
    }

    [Fact]
    public void Two_service_providers_on_one_file_see_each_others_records()
    {
        var path = _folder.File("shared-ledger.db");
        using var a = new StoreHost(path, NoBudgets);
        using var b = new StoreHost(path, NoBudgets, a.Time);
        a.Ledger.Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 1m });
        b.Ledger.Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 2m });

        a.Ledger.Snapshot().TotalCost.ShouldBe(3m);
        b.Ledger.GetSpend(UsagePeriod.Day).ShouldBe(3m);
    }

    [Fact]
    public void Spend_report_groups_days_tenants_providers_and_models_like_the_in_memory_ledger()
    {
        using var host = new StoreHost(_folder.File("report.db"), NoBudgets);
        var day1 = new DateTimeOffset(2026, 11, 20, 23, 59, 0, TimeSpan.Zero);
        var day2 = new DateTimeOffset(2026, 11, 21, 0, 1, 0, TimeSpan.Zero);
        host.Ledger.Record(new UsageRecord { Timestamp = day1, ProviderId = "openai", ModelId = "a", Tenant = "t1", Cost = 1m, InputTokens = 1 });
        host.Ledger.Record(new UsageRecord { Timestamp = day2, ProviderId = "openai", ModelId = "b", Tenant = "t2", Cost = 2m, OutputTokens = 5 });
        host.Ledger.Record(new UsageRecord { Timestamp = day2, ProviderId = "groq", ModelId = "c", Cost = null, Error = ProviderErrorKind.ServerError });
        host.Ledger.Record(new UsageRecord { Timestamp = day2.AddDays(5), ProviderId = "groq", ModelId = "c", Cost = 9m });

        var byDay = host.Ledger.GetSpendReport(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), SpendGrouping.Day);
        byDay.TotalCost.ShouldBe(3m);
        byDay.Rows.Select(r => (r.Day, r.Cost, r.Requests)).ShouldBe([(new DateOnly(2026, 11, 20), 1m, 1L), (new DateOnly(2026, 11, 21), 2m, 2L)]);
        byDay.Rows.ShouldAllBe(r => r.ProviderId == null && r.Tenant == null);

        var byModel = host.Ledger.GetSpendReport(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), SpendGrouping.Model);
        byModel.Rows.Select(r => (r.ProviderId, r.ModelId, r.Cost)).ShouldBe([("groq", "c", 0m), ("openai", "a", 1m), ("openai", "b", 2m)]);
        var groq = byModel.Rows[0];
        groq.Errors.ShouldBe(1);
        groq.UnpricedRequests.ShouldBe(1);

        var byTenant = host.Ledger.GetSpendReport(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 30), SpendGrouping.Tenant);
        byTenant.Rows.Select(r => (r.Tenant, r.Cost)).ShouldBe([(string.Empty, 9m), ("t1", 1m), ("t2", 2m)]);
    }

    [Fact]
    public void With_PersistLedger_off_the_ledger_is_in_memory_only()
    {
        var path = _folder.File("no-ledger.db");
        using (var first = new StoreHost(path, NoBudgets, configure: o => o.PersistLedger = false))
        {
            first.Ledger.Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 1m });
            first.Ledger.Snapshot().TotalCost.ShouldBe(1m);
        }

        using var second = new StoreHost(path, NoBudgets);
        second.Ledger.Snapshot().Rows.ShouldBeEmpty();
    }
}
