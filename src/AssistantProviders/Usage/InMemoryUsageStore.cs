// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// The in-process <see cref="IUsageStore"/>: sums per (period, period start, provider, model, tenant) for minutes (kept 2
/// hours), hours (2 days), days (400 days) and months (for ever), and all-time sums per provider and model. One lock:
/// records are small and the critical section is short. The usage ledger keeps one as its own counts; it is never unavailable.
/// </summary>
internal sealed class InMemoryUsageStore : IUsageStore
{
    private static readonly UsagePeriod[] Periods = [UsagePeriod.Minute, UsagePeriod.Hour, UsagePeriod.Day, UsagePeriod.Month];

    private readonly Lock _lock = new();
    private readonly Dictionary<BucketKey, UsageTotals> _buckets = [];
    private readonly Dictionary<(string Provider, string Model), UsageTotals> _allTime = [];
    private readonly TimeProvider _time;
    private DateTimeOffset _lastPrune;

    public InMemoryUsageStore(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _lastPrune = _time.GetUtcNow();
    }

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var at = record.Timestamp == default ? _time.GetUtcNow() : record.Timestamp;
        var tenant = record.Tenant ?? string.Empty;
        lock (_lock)
        {
            foreach (var period in Periods)
            {
                var key = new BucketKey(period, UsagePeriods.Start(period, at), record.ProviderId, record.ModelId, tenant);
                if (!_buckets.TryGetValue(key, out var totals))
                {
                    totals = new UsageTotals();
                    _buckets[key] = totals;
                }

                totals.Add(record);
            }

            if (!_allTime.TryGetValue((record.ProviderId, record.ModelId), out var all))
            {
                all = new UsageTotals();
                _allTime[(record.ProviderId, record.ModelId)] = all;
            }

            all.Add(record);
            PruneIfDue();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<UsageBucket> Read(UsagePeriod period, DateTimeOffset firstStart, DateTimeOffset lastStart)
    {
        var result = new List<UsageBucket>();
        lock (_lock)
        {
            foreach (var (key, totals) in _buckets)
            {
                if (key.Period == period && key.Start >= firstStart && key.Start <= lastStart)
                {
                    result.Add(totals.ToBucket(key.Start, key.Provider, key.Model, key.Tenant));
                }
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public IReadOnlyList<UsageBucket> ReadAllTime()
    {
        lock (_lock)
        {
            return [.. _allTime.Select(kv => kv.Value.ToBucket(null, kv.Key.Provider, kv.Key.Model, string.Empty))];
        }
    }

    private void PruneIfDue()
    {
        var now = _time.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastPrune = now;
        List<BucketKey>? stale = null;
        foreach (var key in _buckets.Keys)
        {
            var retention = UsagePeriods.Retention(key.Period);
            if (retention != TimeSpan.MaxValue && now - key.Start > retention)
            {
                (stale ??= []).Add(key);
            }
        }

        if (stale is not null)
        {
            foreach (var key in stale)
            {
                _buckets.Remove(key);
            }
        }
    }

    private readonly record struct BucketKey(UsagePeriod Period, DateTimeOffset Start, string Provider, string Model, string Tenant);
}
