// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// The in-memory <see cref="IUsageLedger"/>: sums per (period, period start, provider, model, tenant) for minutes (kept 2 hours),
/// hours (2 days), days (400 days) and months (forever), all-time sums per provider and model, and a ring of the last 1024
/// latency samples per provider and model for percentiles. One lock: records are small and the critical section is short.
/// </summary>
internal sealed class UsageLedger : IUsageLedger
{
    private static readonly UsagePeriod[] Periods = [UsagePeriod.Minute, UsagePeriod.Hour, UsagePeriod.Day, UsagePeriod.Month];

    private readonly Lock _lock = new();
    private readonly Dictionary<BucketKey, UsageTotals> _buckets = [];
    private readonly Dictionary<(string Provider, string Model), UsageTotals> _allTime = [];
    private readonly Dictionary<(string Provider, string Model), LatencyReservoir> _latencies = [];
    private readonly TimeProvider _time;
    private DateTimeOffset _lastPrune;

    public UsageLedger(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _lastPrune = _time.GetUtcNow();
    }

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var at = record.Timestamp == default ? _time.GetUtcNow() : record.Timestamp;
        var model = (record.ProviderId, record.ModelId);
        var tenant = record.Tenant ?? string.Empty;
        lock (_lock)
        {
            foreach (var period in Periods)
            {
                var key = new BucketKey(period, PeriodMath.Start(period, at), record.ProviderId, record.ModelId, tenant);
                if (!_buckets.TryGetValue(key, out var totals))
                {
                    totals = new UsageTotals();
                    _buckets[key] = totals;
                }

                totals.Add(record);
            }

            if (!_allTime.TryGetValue(model, out var all))
            {
                all = new UsageTotals();
                _allTime[model] = all;
            }

            all.Add(record);
            if (!record.Cancelled)
            {
                if (!_latencies.TryGetValue(model, out var reservoir))
                {
                    reservoir = new LatencyReservoir();
                    _latencies[model] = reservoir;
                }

                reservoir.Add(at, record.Latency, record.TimeToFirstToken);
            }

            PruneIfDue();
        }
    }

    /// <inheritdoc/>
    public UsageSnapshot Snapshot()
    {
        lock (_lock)
        {
            return BuildSnapshot(_allTime, since: null);
        }
    }

    /// <inheritdoc/>
    public UsageSnapshot Snapshot(UsagePeriod period)
    {
        var start = PeriodMath.Start(period, _time.GetUtcNow());
        lock (_lock)
        {
            var sums = new Dictionary<(string, string), UsageTotals>();
            foreach (var (key, totals) in _buckets)
            {
                if (key.Period != period || key.Start != start)
                {
                    continue;
                }

                if (!sums.TryGetValue((key.Provider, key.Model), out var sum))
                {
                    sum = new UsageTotals();
                    sums[(key.Provider, key.Model)] = sum;
                }

                sum.Add(totals);
            }

            return BuildSnapshot(sums, start);
        }
    }

    /// <inheritdoc/>
    public decimal GetSpend(UsagePeriod period, string? providerId = null, string? modelId = null, string? tenant = null)
    {
        var start = PeriodMath.Start(period, _time.GetUtcNow());
        decimal total = 0m;
        lock (_lock)
        {
            foreach (var (key, totals) in _buckets)
            {
                if (key.Period == period && key.Start == start
                    && (providerId is null || string.Equals(key.Provider, providerId, StringComparison.OrdinalIgnoreCase))
                    && (modelId is null || string.Equals(key.Model, modelId, StringComparison.OrdinalIgnoreCase))
                    && (tenant is null || string.Equals(key.Tenant, tenant, StringComparison.Ordinal)))
                {
                    total += totals.Cost;
                }
            }
        }

        return total;
    }

    /// <inheritdoc/>
    public SpendReport GetSpendReport(DateOnly firstDay, DateOnly lastDay, SpendGrouping groupBy)
    {
        var fromTime = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var toTime = new DateTimeOffset(lastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var report = new SpendReportBuilder(groupBy);
        lock (_lock)
        {
            foreach (var (key, totals) in _buckets)
            {
                if (key.Period != UsagePeriod.Day || key.Start < fromTime || key.Start > toTime)
                {
                    continue;
                }

                report.Add(DateOnly.FromDateTime(key.Start.UtcDateTime), key.Tenant, key.Provider, key.Model,
                    totals.Requests, totals.Errors, totals.InputTokens, totals.OutputTokens, totals.Cost, totals.Unpriced);
            }
        }

        return report.Build(firstDay, lastDay);
    }

    private UsageSnapshot BuildSnapshot(Dictionary<(string Provider, string Model), UsageTotals> source, DateTimeOffset? since)
    {
        var rows = new List<UsageSnapshotRow>(source.Count);
        foreach (var ((provider, model), t) in source.OrderBy(kv => kv.Key.Provider, StringComparer.Ordinal).ThenBy(kv => kv.Key.Model, StringComparer.Ordinal))
        {
            var (p50, p95, ttft) = _latencies.TryGetValue((provider, model), out var reservoir) ? reservoir.Percentiles(since) : (null, null, null);
            rows.Add(t.ToRow(provider, model, p50, p95, ttft));
        }

        return new UsageSnapshot { TakenAt = _time.GetUtcNow(), Since = since, Rows = rows };
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
            var retention = PeriodMath.Retention(key.Period);
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
