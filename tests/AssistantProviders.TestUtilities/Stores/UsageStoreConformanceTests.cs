// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;

namespace AssistantProviders.TestUtilities.Stores;

/// <summary>
/// What every <see cref="IUsageStore"/> does (in-memory, SQLite, Redis): one bucket per period start, provider, model and
/// tenant with every counter, all-time buckets per provider and model, period boundaries in UTC, and no lost record under
/// 50 concurrent writers.
/// </summary>
public abstract class UsageStoreConformanceTests : StoreConformanceTests
{
    /// <summary>Creates the store under test on <see cref="StoreConformanceTests.Time"/>.</summary>
    /// <returns>The store.</returns>
    protected abstract IUsageStore CreateStore();

    [Fact]
    public void A_record_lands_in_the_bucket_of_its_day_with_every_counter()
    {
        var store = CreateStore();
        store.Record(Attempt("acme", cost: 0.5m, input: 100, cached: 20, output: 30));
        store.Record(Attempt("acme", cost: null, error: ProviderErrorKind.RateLimited));
        store.Record(Attempt("acme", cost: 0.25m, cancelled: true, error: ProviderErrorKind.Timeout));

        var day = UsagePeriods.Start(UsagePeriod.Day, Start);
        var bucket = store.Read(UsagePeriod.Day, day, day).ShouldNotBeNull().ShouldHaveSingleItem();

        bucket.PeriodStart.ShouldBe(day);
        bucket.ProviderId.ShouldBe(Provider);
        bucket.ModelId.ShouldBe("m1");
        bucket.Tenant.ShouldBe("acme");
        bucket.Requests.ShouldBe(3);
        bucket.Errors.ShouldBe(1);
        bucket.Cancelled.ShouldBe(1);
        bucket.ErrorsByKind.ShouldBe(new Dictionary<ProviderErrorKind, long> { [ProviderErrorKind.RateLimited] = 1 });
        bucket.InputTokens.ShouldBe(120);
        bucket.CachedInputTokens.ShouldBe(20);
        bucket.OutputTokens.ShouldBe(40);
        bucket.Cost.ShouldBe(0.75m);
        bucket.UnpricedRequests.ShouldBe(1);
    }

    [Fact]
    public void Tenants_have_their_own_buckets_and_all_time_sums_them()
    {
        var store = CreateStore();
        store.Record(Attempt("acme", cost: 1m));
        store.Record(Attempt("globex", cost: 2m));
        store.Record(Attempt(null, cost: 4m));

        var day = UsagePeriods.Start(UsagePeriod.Day, Start);
        var buckets = store.Read(UsagePeriod.Day, day, day).ShouldNotBeNull();
        buckets.Select(b => (b.Tenant, b.Cost)).OrderBy(t => t.Tenant, StringComparer.Ordinal).ShouldBe([(string.Empty, 4m), ("acme", 1m), ("globex", 2m)]);

        var all = store.ReadAllTime().ShouldNotBeNull().Where(b => b.ProviderId == Provider).ShouldHaveSingleItem();
        all.PeriodStart.ShouldBeNull();
        all.Tenant.ShouldBe(string.Empty);
        all.Requests.ShouldBe(3);
        all.Cost.ShouldBe(7m);
    }

    [Fact]
    public void Periods_split_on_UTC_boundaries_and_a_range_returns_each_start()
    {
        var store = CreateStore();
        var day1 = UsagePeriods.Start(UsagePeriod.Day, Start);
        var day2 = UsagePeriods.Next(UsagePeriod.Day, day1);
        store.Record(Attempt(null, cost: 1m, at: day2.AddTicks(-1)));
        store.Record(Attempt(null, cost: 2m, at: day2));
        store.Record(Attempt(null, cost: 4m, at: day2.AddHours(3)));

        store.Read(UsagePeriod.Day, day1, day2).ShouldNotBeNull().Select(b => (b.PeriodStart, b.Cost)).OrderBy(b => b.PeriodStart)
            .ShouldBe([((DateTimeOffset?)day1, 1m), (day2, 6m)]);
        store.Read(UsagePeriod.Day, day2, day2).ShouldNotBeNull().ShouldHaveSingleItem().Cost.ShouldBe(6m);
        store.Read(UsagePeriod.Hour, day2, day2).ShouldNotBeNull().ShouldHaveSingleItem().Cost.ShouldBe(2m);
        var month = UsagePeriods.Start(UsagePeriod.Month, day1);
        store.Read(UsagePeriod.Month, month, month).ShouldNotBeNull().ShouldHaveSingleItem().Cost.ShouldBe(7m);
    }

    [Fact]
    public void A_record_without_a_timestamp_falls_in_the_current_minute_of_the_clock()
    {
        var store = CreateStore();
        Time.Advance(TimeSpan.FromSeconds(90));
        store.Record(new UsageRecord { ProviderId = Provider, ModelId = "m1", Cost = 1m });

        var minute = UsagePeriods.Start(UsagePeriod.Minute, Time.GetUtcNow());
        store.Read(UsagePeriod.Minute, minute, minute).ShouldNotBeNull().ShouldHaveSingleItem().Requests.ShouldBe(1);
        store.Read(UsagePeriod.Minute, Start, Start).ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public async Task Fifty_concurrent_records_are_all_counted()
    {
        var store = CreateStore();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.Record(Attempt("acme", cost: 0.125m)))));

        var all = store.ReadAllTime().ShouldNotBeNull().Where(b => b.ProviderId == Provider).ShouldHaveSingleItem();
        all.Requests.ShouldBe(50);
        all.Cost.ShouldBe(6.25m);
    }

    /// <summary>Gets the provider id of this test's records.</summary>
    protected string Provider => Unique;

    /// <summary>Builds one attempt of this test's provider and model <c>m1</c>, at the clock's start unless told.</summary>
    /// <returns>The record.</returns>
    protected UsageRecord Attempt(string? tenant, decimal? cost, long input = 10, long cached = 0, long output = 5, ProviderErrorKind? error = null, bool cancelled = false, DateTimeOffset? at = null) => new()
    {
        Timestamp = at ?? Start,
        ProviderId = Provider,
        ModelId = "m1",
        Tenant = tenant,
        InputTokens = input,
        CachedInputTokens = cached,
        OutputTokens = output,
        Cost = cost,
        Error = error,
        Cancelled = cancelled,
        Latency = TimeSpan.FromMilliseconds(100),
    };
}
