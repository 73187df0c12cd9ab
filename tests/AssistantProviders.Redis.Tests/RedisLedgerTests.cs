// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Tests;

public sealed class RedisLedgerTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisLedgerTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    [Fact]
    public void Snapshot_shows_the_fleet_by_provider_model_tenant_and_period()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 3, new Dictionary<string, string?>());
        for (var i = 0; i < 9; i++)
        {
            fleet.Ledger(i % 3).Record(new UsageRecord
            {
                Timestamp = fleet.Time.GetUtcNow(),
                ProviderId = i % 2 == 0 ? "openai" : "groq",
                ModelId = "m",
                Tenant = i < 3 ? "acme" : "globex",
                InputTokens = 100,
                OutputTokens = 10,
                Cost = i % 2 == 0 ? 0.1m : null,
                Error = i == 4 ? ProviderErrorKind.RateLimited : null,
                Latency = TimeSpan.FromMilliseconds(100),
            });
        }

        var snapshot = fleet.Ledger(2).Snapshot();
        snapshot.TotalRequests.ShouldBe(9);
        snapshot.TotalErrors.ShouldBe(1);
        snapshot.TotalCost.ShouldBe(0.5m);
        var groq = snapshot.Rows.Single(r => r.ProviderId == "groq");
        groq.Requests.ShouldBe(4);
        groq.UnpricedRequests.ShouldBe(4);
        snapshot.Rows.Single(r => r.ProviderId == "openai").ErrorsByKind[ProviderErrorKind.RateLimited].ShouldBe(1);
        groq.InputTokens.ShouldBe(400);

        fleet.Ledger(0).Snapshot(UsagePeriod.Minute).TotalRequests.ShouldBe(9);
        fleet.Ledger(0).GetSpend(UsagePeriod.Month, providerId: "openai", tenant: "acme").ShouldBe(0.2m);
        var report = fleet.Ledger(1).GetSpendReport(DateOnly.FromDateTime(Fleet.Start.UtcDateTime), DateOnly.FromDateTime(Fleet.Start.UtcDateTime), SpendGrouping.Tenant);
        report.Rows.Single(r => r.Tenant == "acme").Cost.ShouldBe(0.2m);
        report.TotalCost.ShouldBe(0.5m);

        fleet.Time.Advance(TimeSpan.FromMinutes(1));
        fleet.Ledger(0).Snapshot(UsagePeriod.Minute).TotalRequests.ShouldBe(0);
        fleet.Ledger(0).Snapshot(UsagePeriod.Day).TotalRequests.ShouldBe(9);
    }
}
