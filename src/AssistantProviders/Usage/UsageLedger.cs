// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// The <see cref="IUsageLedger"/>. It counts every attempt in process (<see cref="InMemoryUsageStore"/>) and keeps a ring of
/// the last 1024 latency samples per provider and model for percentiles. With an <see cref="IUsageStore"/> (Redis, SQLite)
/// it also records there and answers snapshots, spend and reports from the store, falling back to its own counts while the
/// store is unavailable. Snapshot rows are built in one place (<see cref="UsageTotals.ToRow"/>) whatever the store.
/// </summary>
internal sealed class UsageLedger : IUsageLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, string Model), LatencyReservoir> _latencies = [];
    private readonly InMemoryUsageStore _local;
    private readonly IUsageStore? _store;
    private readonly TimeProvider _time;

    public UsageLedger(TimeProvider? timeProvider = null, IUsageStore? store = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _local = new InMemoryUsageStore(_time);
        _store = store;
    }

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _local.Record(record);
        if (!record.Cancelled)
        {
            var at = record.Timestamp == default ? _time.GetUtcNow() : record.Timestamp;
            lock (_lock)
            {
                if (!_latencies.TryGetValue((record.ProviderId, record.ModelId), out var reservoir))
                {
                    reservoir = new LatencyReservoir();
                    _latencies[(record.ProviderId, record.ModelId)] = reservoir;
                }

                reservoir.Add(at, record.Latency, record.TimeToFirstToken);
            }
        }

        _store?.Record(record);
    }

    /// <inheritdoc/>
    public UsageSnapshot Snapshot() => BuildSnapshot(_store?.ReadAllTime() ?? _local.ReadAllTime(), since: null, until: null, _time.GetUtcNow());

    /// <inheritdoc/>
    public UsageSnapshot Snapshot(UsagePeriod period)
    {
        var start = UsagePeriods.Start(period, _time.GetUtcNow());
        return BuildSnapshot(Read(period, start, start), start, until: null, _time.GetUtcNow());
    }

    /// <inheritdoc/>
    public IReadOnlyList<UsageSnapshot> History(UsagePeriod period, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, IUsageLedger.MaxHistory);
        var now = _time.GetUtcNow();
        var starts = new DateTimeOffset[count];
        starts[count - 1] = UsagePeriods.Start(period, now);
        for (var i = count - 2; i >= 0; i--)
        {
            // Periods are not all the same length (months), so step back from each start to the one before it.
            starts[i] = UsagePeriods.Start(period, starts[i + 1] - TimeSpan.FromTicks(1));
        }

        var byStart = new Dictionary<DateTimeOffset, List<UsageBucket>>();
        foreach (var bucket in Read(period, starts[0], starts[count - 1]))
        {
            if (bucket.PeriodStart is { } start)
            {
                if (!byStart.TryGetValue(start, out var list))
                {
                    list = [];
                    byStart[start] = list;
                }

                list.Add(bucket);
            }
        }

        var result = new UsageSnapshot[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = BuildSnapshot(byStart.TryGetValue(starts[i], out var buckets) ? buckets : [], starts[i], UsagePeriods.Next(period, starts[i]), now);
        }

        return result;
    }

    /// <inheritdoc/>
    public decimal GetSpend(UsagePeriod period, string? providerId = null, string? modelId = null, string? tenant = null)
    {
        var start = UsagePeriods.Start(period, _time.GetUtcNow());
        decimal total = 0m;
        foreach (var bucket in Read(period, start, start))
        {
            if ((providerId is null || string.Equals(bucket.ProviderId, providerId, StringComparison.OrdinalIgnoreCase))
                && (modelId is null || string.Equals(bucket.ModelId, modelId, StringComparison.OrdinalIgnoreCase))
                && (tenant is null || string.Equals(bucket.Tenant, tenant, StringComparison.Ordinal)))
            {
                total += bucket.Cost;
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
        foreach (var b in Read(UsagePeriod.Day, fromTime, toTime))
        {
            if (b.PeriodStart is { } day)
            {
                report.Add(DateOnly.FromDateTime(day.UtcDateTime), b.Tenant, b.ProviderId, b.ModelId, b.Requests, b.Errors, b.InputTokens, b.OutputTokens, b.Cost, b.UnpricedRequests);
            }
        }

        return report.Build(firstDay, lastDay);
    }

    private IReadOnlyList<UsageBucket> Read(UsagePeriod period, DateTimeOffset firstStart, DateTimeOffset lastStart) =>
        _store?.Read(period, firstStart, lastStart) ?? _local.Read(period, firstStart, lastStart);

    private UsageSnapshot BuildSnapshot(IReadOnlyList<UsageBucket> buckets, DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset takenAt)
    {
        var sums = new Dictionary<(string Provider, string Model), UsageTotals>();
        foreach (var bucket in buckets)
        {
            if (bucket.Requests <= 0)
            {
                continue;
            }

            if (!sums.TryGetValue((bucket.ProviderId, bucket.ModelId), out var sum))
            {
                sum = new UsageTotals();
                sums[(bucket.ProviderId, bucket.ModelId)] = sum;
            }

            sum.Add(bucket);
        }

        var rows = new List<UsageSnapshotRow>(sums.Count);
        lock (_lock)
        {
            foreach (var ((provider, model), t) in sums.OrderBy(kv => kv.Key.Provider, StringComparer.Ordinal).ThenBy(kv => kv.Key.Model, StringComparer.Ordinal))
            {
                var (p50, p95, ttft) = _latencies.TryGetValue((provider, model), out var reservoir) ? reservoir.Percentiles(since, until) : (null, null, null);
                rows.Add(t.ToRow(provider, model, p50, p95, ttft));
            }
        }

        return new UsageSnapshot { TakenAt = takenAt, Since = since, Rows = rows };
    }
}
