// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// Aggregates every attempt by provider, model, tenant key and period (minute, hour, day, month): requests, errors by kind,
/// tokens, cost, latency and time-to-first-token percentiles. Thread-safe. In memory by default.
/// </summary>
public interface IUsageLedger
{
    /// <summary>The most periods <see cref="History"/> returns: 1000.</summary>
    const int MaxHistory = 1000;

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

    /// <summary>
    /// Gets one snapshot per period for the last <paramref name="count"/> periods, oldest first, ending with the current one
    /// (for example the last 60 UTC minutes, for a chart). Each snapshot's <see cref="UsageSnapshot.Since"/> is its period
    /// start; a period without attempts has no rows. Latency percentiles come from the recent samples (the last 1024 per
    /// provider and model) that fall in the period. Minutes are kept 2 hours and hours 2 days, so older periods are empty.
    /// </summary>
    /// <param name="period">The period.</param>
    /// <param name="count">How many periods, from 1 to 1000.</param>
    /// <returns>The snapshots, <paramref name="count"/> of them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not between 1 and 1000.</exception>
    /// <remarks>
    /// The default implementation, for ledgers written before this member existed, keeps no history: it returns the current
    /// period (<see cref="Snapshot(UsagePeriod)"/>) preceded by <paramref name="count"/> − 1 empty snapshots without a start.
    /// </remarks>
    IReadOnlyList<UsageSnapshot> History(UsagePeriod period, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxHistory);
        var current = Snapshot(period);
        var result = new UsageSnapshot[count];
        for (var i = 0; i < count - 1; i++)
        {
            result[i] = new UsageSnapshot { TakenAt = current.TakenAt };
        }

        result[count - 1] = current;
        return result;
    }

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
