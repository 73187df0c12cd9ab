// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.TestUtilities.Stores;

/// <summary>
/// What every <see cref="IBudgetStore"/> does (in-memory, SQLite, Redis): all-or-none reserves, settles exactly once by id,
/// releases, independent periods, and no overspend under 50 concurrent reservations.
/// </summary>
public abstract class BudgetStoreConformanceTests : StoreConformanceTests
{
    /// <summary>Creates the store under test on <see cref="StoreConformanceTests.Time"/>; register what must be disposed with <see cref="StoreConformanceTests.Own{T}"/>.</summary>
    /// <returns>The store.</returns>
    protected abstract IBudgetStore CreateStore();

    [Fact]
    public async Task A_reservation_is_held_until_settled_with_the_actual_cost()
    {
        var store = CreateStore();
        var levels = Levels(("global/monthly", UsagePeriod.Month, 10m));

        (await store.ReserveAsync("r1", levels, 2m, CancellationToken.None)).Reserved.ShouldBeTrue();
        store.Read(levels).ShouldBe([new BudgetLevelUsage(0m, 2m)]);

        store.Settle("r1", levels, 1.5m).ShouldBe([1.5m]);
        store.Read(levels).ShouldBe([new BudgetLevelUsage(1.5m, 0m)]);
    }

    [Fact]
    public async Task The_asynchronous_settle_and_read_count_exactly_like_the_synchronous_ones()
    {
        var store = CreateStore();
        var levels = Levels(("global/monthly", UsagePeriod.Month, 10m), ("tenant:acme/daily", UsagePeriod.Day, 5m));
        (await store.ReserveAsync("r1", levels, 2m, CancellationToken.None)).Reserved.ShouldBeTrue();
        (await store.ReadAsync(levels, CancellationToken.None)).ShouldBe([new BudgetLevelUsage(0m, 2m), new BudgetLevelUsage(0m, 2m)]);

        (await store.SettleAsync("r1", levels, 1.5m, CancellationToken.None)).ShouldBe([1.5m, 1.5m]);
        (await store.SettleAsync("r1", levels, 1.5m, CancellationToken.None)).ShouldBeNull();
        store.Settle("r1", levels, 1.5m).ShouldBeNull("one id settles once, whichever call it comes through");

        (await store.ReadAsync(levels, CancellationToken.None)).ShouldBe([new BudgetLevelUsage(1.5m, 0m), new BudgetLevelUsage(1.5m, 0m)]);
        store.Read(levels).ShouldBe([new BudgetLevelUsage(1.5m, 0m), new BudgetLevelUsage(1.5m, 0m)]);
    }

    [Fact]
    public async Task A_release_gives_the_reservation_back_and_spends_nothing()
    {
        var store = CreateStore();
        var levels = Levels(("global/daily", UsagePeriod.Day, 1m));
        (await store.ReserveAsync("r1", levels, 1m, CancellationToken.None)).Reserved.ShouldBeTrue();
        (await store.ReserveAsync("r2", levels, 0.25m, CancellationToken.None)).Reserved.ShouldBeFalse();

        store.Settle("r1", levels, 0m);

        store.Read(levels).ShouldBe([new BudgetLevelUsage(0m, 0m)]);
        (await store.ReserveAsync("r2", levels, 0.25m, CancellationToken.None)).Reserved.ShouldBeTrue();
    }

    [Fact]
    public async Task A_settle_counts_once_and_a_repeated_reserve_reserves_once()
    {
        var store = CreateStore();
        var levels = Levels(("global/monthly", UsagePeriod.Month, 10m));
        (await store.ReserveAsync("r1", levels, 2m, CancellationToken.None)).Reserved.ShouldBeTrue();
        (await store.ReserveAsync("r1", levels, 2m, CancellationToken.None)).Reserved.ShouldBeTrue();
        store.Read(levels).ShouldBe([new BudgetLevelUsage(0m, 2m)]);

        store.Settle("r1", levels, 1m).ShouldBe([1m]);
        store.Settle("r1", levels, 1m).ShouldBeNull();

        store.Read(levels).ShouldBe([new BudgetLevelUsage(1m, 0m)]);
    }

    [Fact]
    public async Task A_reserve_that_does_not_fit_one_level_reserves_on_none_and_names_that_level()
    {
        var store = CreateStore();
        var levels = Levels(("global/monthly", UsagePeriod.Month, 10m), ("provider:openai/daily", UsagePeriod.Day, 1m));
        (await store.ReserveAsync("r1", levels, 0.75m, CancellationToken.None)).Reserved.ShouldBeTrue();

        var refused = await store.ReserveAsync("r2", levels, 0.5m, CancellationToken.None);

        refused.Reserved.ShouldBeFalse();
        refused.RefusedLevel.ShouldBe(1);
        refused.Used.ShouldBe(0.75m);
        store.Read(levels).ShouldBe([new BudgetLevelUsage(0m, 0.75m), new BudgetLevelUsage(0m, 0.75m)]);
    }

    [Fact]
    public async Task Settled_spend_counts_against_the_limit()
    {
        var store = CreateStore();
        var levels = Levels(("global/daily", UsagePeriod.Day, 1m));
        (await store.ReserveAsync("r1", levels, 1m, CancellationToken.None)).Reserved.ShouldBeTrue();
        store.Settle("r1", levels, 0.75m).ShouldBe([0.75m]);

        (await store.ReserveAsync("r2", levels, 0.5m, CancellationToken.None)).Reserved.ShouldBeFalse();
        (await store.ReserveAsync("r3", levels, 0.25m, CancellationToken.None)).Reserved.ShouldBeTrue();
    }

    [Fact]
    public async Task Each_period_has_its_own_counters()
    {
        var store = CreateStore();
        var today = Levels(("global/daily", UsagePeriod.Day, 1m));
        var tomorrow = today.Select(l => l with { PeriodStart = UsagePeriods.Next(UsagePeriod.Day, l.PeriodStart) }).ToList();
        (await store.ReserveAsync("r1", today, 1m, CancellationToken.None)).Reserved.ShouldBeTrue();
        store.Settle("r1", today, 1m);

        (await store.ReserveAsync("r2", tomorrow, 1m, CancellationToken.None)).Reserved.ShouldBeTrue();

        store.Read(today).ShouldBe([new BudgetLevelUsage(1m, 0m)]);
        store.Read(tomorrow).ShouldBe([new BudgetLevelUsage(0m, 1m)]);
    }

    [Fact]
    public async Task Fifty_concurrent_reservations_never_exceed_the_limit()
    {
        var store = CreateStore();
        var levels = Levels(("global/monthly", UsagePeriod.Month, 10m), ("tenant:acme/daily", UsagePeriod.Day, 5m));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(async () => await store.ReserveAsync("r" + i, levels, 0.25m, CancellationToken.None))));

        outcomes.Count(o => o.Reserved).ShouldBe(20);
        outcomes.Where(o => !o.Reserved).ShouldAllBe(o => o.RefusedLevel == 1);
        store.Read(levels).ShouldBe([new BudgetLevelUsage(0m, 5m), new BudgetLevelUsage(0m, 5m)]);
    }

    [Fact]
    public async Task A_cancelled_reserve_throws_and_reserves_nothing()
    {
        var store = CreateStore();
        var levels = Levels(("global/monthly", UsagePeriod.Month, 10m));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await store.ReserveAsync("r1", levels, 1m, cancelled.Token));

        store.Read(levels).ShouldBe([new BudgetLevelUsage(0m, 0m)]);
    }

    /// <summary>Builds levels of this test (names made unique) in the current periods of the clock.</summary>
    /// <param name="levels">Name, period and limit of each level.</param>
    /// <returns>The levels.</returns>
    protected List<BudgetLevel> Levels(params (string Name, UsagePeriod Period, decimal Limit)[] levels) =>
        [.. levels.Select(l => new BudgetLevel(Unique + ":" + l.Name, l.Period, l.Limit, UsagePeriods.Start(l.Period, Time.GetUtcNow())))];
}
