// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>What the dashboard shows, read once per page: the ledger since start and per minute, budgets and route health.</summary>
/// <param name="TakenAt">When the data was read.</param>
/// <param name="AllTime">The ledger since it started (latency percentiles: the recent attempts).</param>
/// <param name="LastHour">The ledger per UTC minute, oldest first, ending with the current minute.</param>
/// <param name="Budgets">The configured budgets, or empty.</param>
/// <param name="Routes">The routes the routers know, or empty.</param>
/// <param name="RefreshSeconds">How often the page reloads itself.</param>
internal sealed record DashboardData(
    DateTimeOffset TakenAt,
    UsageSnapshot AllTime,
    IReadOnlyList<UsageSnapshot> LastHour,
    IReadOnlyList<BudgetStatus> Budgets,
    IReadOnlyList<RouteHealth> Routes,
    int RefreshSeconds)
{
    /// <summary>The minutes the charts cover.</summary>
    public const int Minutes = 60;

    /// <summary>Reads everything the page shows from the engine's services (each optional).</summary>
    public static async ValueTask<DashboardData> ReadAsync(IServiceProvider services, TimeProvider time, int refreshSeconds, CancellationToken cancellationToken)
    {
        var ledger = (IUsageLedger?)services.GetService(typeof(IUsageLedger));
        var budgets = (IBudgetManager?)services.GetService(typeof(IBudgetManager));
        var health = (IProviderHealth?)services.GetService(typeof(IProviderHealth));
        var now = time.GetUtcNow();
        var status = budgets is null ? [] : await budgets.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        return new DashboardData(
            now,
            ledger?.Snapshot() ?? new UsageSnapshot { TakenAt = now },
            ledger?.History(UsagePeriod.Minute, Minutes) ?? [],
            status,
            health?.GetSnapshot() ?? [],
            refreshSeconds);
    }
}
