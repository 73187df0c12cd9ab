// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// Where the usage ledger keeps its counters (for example Redis, shared by several app instances, or a SQLite file that
/// survives restarts). The ledger (<see cref="IUsageLedger"/>) always counts in process too: it answers from this store
/// when it can and from its own counts when the store returns <see langword="null"/> (unavailable). Latency percentiles
/// stay in process. Without a registered store, the in-process counts are the only ones (the default).
/// </summary>
/// <remarks>
/// Buckets are keyed by period, period start (<see cref="UsagePeriods.Start"/>), provider, model and tenant, and one
/// all-time bucket per provider and model. Implementations are thread-safe.
/// </remarks>
public interface IUsageStore
{
    /// <summary>
    /// Adds one attempt to the bucket of every period (minute, hour, day, month) it falls in and to the all-time bucket of its
    /// provider and model. Never throws for an unavailable store: the store keeps the record to apply later (once) or drops
    /// it, as it documents.
    /// </summary>
    /// <param name="record">The attempt; a default <see cref="UsageRecord.Timestamp"/> means now.</param>
    void Record(UsageRecord record);

    /// <summary>Reads the buckets of <paramref name="period"/> whose start lies between two period starts (inclusive).</summary>
    /// <param name="period">The period.</param>
    /// <param name="firstStart">The first period start.</param>
    /// <param name="lastStart">The last period start (equal to <paramref name="firstStart"/> for one period).</param>
    /// <returns>One bucket per period start, provider, model and tenant that has attempts, or <see langword="null"/> when the store is unavailable.</returns>
    IReadOnlyList<UsageBucket>? Read(UsagePeriod period, DateTimeOffset firstStart, DateTimeOffset lastStart);

    /// <summary>Reads the all-time buckets.</summary>
    /// <returns>One bucket per provider and model (no period start, empty tenant), or <see langword="null"/> when the store is unavailable.</returns>
    IReadOnlyList<UsageBucket>? ReadAllTime();
}
