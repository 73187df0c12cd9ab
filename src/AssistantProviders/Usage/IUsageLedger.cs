// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// Aggregates every attempt by provider, model, tenant key and period (minute, hour, day, month): requests, errors by kind,
/// tokens, cost, latency and time-to-first-token percentiles. Thread-safe. In memory by default.
/// </summary>
public interface IUsageLedger
{
    /// <summary>Records one attempt. The router calls this through its accounting; apps may record their own calls.</summary>
    /// <param name="record">The attempt.</param>
    void Record(UsageRecord record);

    /// <summary>Gets a snapshot of everything recorded since the ledger started.</summary>
    /// <returns>The snapshot.</returns>
    UsageSnapshot Snapshot();

    /// <summary>Gets a snapshot of the current period only (for example this UTC day).</summary>
    /// <param name="period">The period.</param>
    /// <returns>The snapshot.</returns>
    UsageSnapshot Snapshot(UsagePeriod period);

    /// <summary>Gets the known spend of the current period, optionally filtered.</summary>
    /// <param name="period">The period.</param>
    /// <param name="providerId">A provider id, or <see langword="null"/> for all.</param>
    /// <param name="modelId">A model id, or <see langword="null"/> for all.</param>
    /// <param name="tenant">A tenant key, or <see langword="null"/> for all.</param>
    /// <returns>The spend in USD.</returns>
    decimal GetSpend(UsagePeriod period, string? providerId = null, string? modelId = null, string? tenant = null);

    /// <summary>Reports spend for the UTC days from <paramref name="firstDay"/> to <paramref name="lastDay"/> (inclusive), grouped as asked. Days are kept 400 days.</summary>
    /// <param name="firstDay">The first day.</param>
    /// <param name="lastDay">The last day.</param>
    /// <param name="groupBy">The grouping.</param>
    /// <returns>The report.</returns>
    SpendReport GetSpendReport(DateOnly firstDay, DateOnly lastDay, SpendGrouping groupBy);
}
