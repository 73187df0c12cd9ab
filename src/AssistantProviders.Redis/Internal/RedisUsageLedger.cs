// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// The usage ledger with its counters in Redis: requests, errors by kind, tokens and cost per provider, model, tenant and
/// period (minute, hour, day, month, all time), so every instance's <see cref="Snapshot()"/> shows the fleet. Latency
/// percentiles stay per instance (from the in-process ledger it wraps). While Redis is unreachable the snapshot shows this
/// instance only and records are replayed, once each, when Redis is back.
/// </summary>
internal sealed class RedisUsageLedger : IUsageLedger
{
    /// <summary>The most records kept in memory while Redis is down.</summary>
    public const int MaxPending = 100_000;

    private const string Area = "ledger";
    private const string Behavior = "this instance's ledger only; records are replayed once Redis is back";
    private static readonly UsagePeriod[] Periods = [UsagePeriod.Minute, UsagePeriod.Hour, UsagePeriod.Day, UsagePeriod.Month];
    private static readonly long MarkerTtlSeconds = (long)TimeSpan.FromDays(2).TotalSeconds;

    private readonly RedisConnection _redis;
    private readonly UsageLedger _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeferredWrites<PendingRecord> _pending;

    public RedisUsageLedger(RedisConnection redis, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        _local = new UsageLedger(time);
        _pending = new DeferredWrites<PendingRecord>(MaxPending, "ledger records", logger);
        _redis.Restored += (_, _) => FlushPending();
    }

    /// <summary>Gets the number of records waiting for Redis.</summary>
    public int PendingCount => _pending.Count;

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _local.Record(record);
        var pending = Build(record);
        try
        {
            _redis.Database.ScriptEvaluate(RedisScripts.Record, pending.Keys, pending.Args);
            _redis.Succeeded();
            FlushPending();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, Behavior, ex);
            _pending.Add(pending);
        }
    }

    /// <inheritdoc/>
    public UsageSnapshot Snapshot()
    {
        var totals = Load(_redis.Keys.LedgerIndexAllTime);
        return totals is null ? _local.Snapshot() : BuildSnapshot(totals, since: null, _local.Snapshot());
    }

    /// <inheritdoc/>
    public UsageSnapshot Snapshot(UsagePeriod period)
    {
        var start = PeriodMath.Start(period, _time.GetUtcNow());
        var totals = Load(_redis.Keys.LedgerIndex(period, start));
        return totals is null ? _local.Snapshot(period) : BuildSnapshot(totals, start, _local.Snapshot(period));
    }

    /// <inheritdoc/>
    public decimal GetSpend(UsagePeriod period, string? providerId = null, string? modelId = null, string? tenant = null)
    {
        var start = PeriodMath.Start(period, _time.GetUtcNow());
        var totals = Load(_redis.Keys.LedgerIndex(period, start));
        if (totals is null)
        {
            return _local.GetSpend(period, providerId, modelId, tenant);
        }

        return totals
            .Where(t => (providerId is null || string.Equals(t.Provider, providerId, StringComparison.OrdinalIgnoreCase))
                && (modelId is null || string.Equals(t.Model, modelId, StringComparison.OrdinalIgnoreCase))
                && (tenant is null || string.Equals(t.Tenant, tenant, StringComparison.Ordinal)))
            .Sum(t => t.Totals.Cost);
    }

    /// <inheritdoc/>
    public SpendReport GetSpendReport(DateOnly firstDay, DateOnly lastDay, SpendGrouping groupBy)
    {
        var report = new AssistantProviders.Usage.SpendReportBuilder(groupBy);
        var day = firstDay;
        var days = 0;
        while (day <= lastDay && days++ < 400)
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var totals = Load(_redis.Keys.LedgerIndex(UsagePeriod.Day, start));
            if (totals is null)
            {
                return _local.GetSpendReport(firstDay, lastDay, groupBy);
            }

            foreach (var t in totals)
            {
                report.Add(day, t.Tenant, t.Provider, t.Model, t.Totals.Requests, t.Totals.Errors, t.Totals.InputTokens, t.Totals.OutputTokens, t.Totals.Cost, t.Totals.Unpriced);
            }

            day = day.AddDays(1);
        }

        return report.Build(firstDay, lastDay);
    }

    /// <summary>Replays the records kept while Redis was down (each once).</summary>
    public void FlushPending() => _pending.Flush(p => _redis.Database.ScriptEvaluate(RedisScripts.Record, p.Keys, p.Args), ex => _redis.Failed(Area, Behavior, ex));

    private PendingRecord Build(UsageRecord r)
    {
        var now = _time.GetUtcNow();
        var at = r.Timestamp == default ? now : r.Timestamp;
        var tenant = r.Tenant ?? string.Empty;
        var buckets = Periods.Length + 1;
        var keys = new RedisKey[1 + (2 * buckets)];
        var args = new List<RedisValue>(32) { MarkerTtlSeconds, buckets };
        keys[0] = _redis.Keys.LedgerRecord(Guid.NewGuid().ToString("N"));
        for (var i = 0; i < Periods.Length; i++)
        {
            var period = Periods[i];
            var start = PeriodMath.Start(period, at);
            keys[1 + i] = _redis.Keys.LedgerBucket(period, start, r.ProviderId, r.ModelId, tenant);
            keys[1 + buckets + i] = _redis.Keys.LedgerIndex(period, start);
            var retention = PeriodMath.Retention(period);
            args.Add(retention == TimeSpan.MaxValue ? 0L : (long)Math.Max(60d, (start + retention - now).TotalSeconds));
        }

        keys[Periods.Length + 1] = _redis.Keys.LedgerAllTime(r.ProviderId, r.ModelId);
        keys[1 + buckets + Periods.Length] = _redis.Keys.LedgerIndexAllTime;
        args.Add(0L);
        args.Add(r.ProviderId);
        args.Add(r.ModelId);
        args.Add(tenant);
        Pair(args, "req", 1);
        if (r.Cancelled)
        {
            Pair(args, "canc", 1);
        }
        else if (r.Error is { } kind)
        {
            Pair(args, "err", 1);
            Pair(args, "e:" + kind, 1);
        }

        Pair(args, "in", Math.Max(0, r.InputTokens));
        Pair(args, "cin", Math.Max(0, r.CachedInputTokens));
        Pair(args, "out", Math.Max(0, r.OutputTokens));
        if (r.Cost is { } cost)
        {
            Pair(args, "cost", RedisMoney.Round(cost));
        }
        else
        {
            Pair(args, "unpriced", 1);
        }

        return new PendingRecord(keys, [.. args]);
    }

    private static void Pair(List<RedisValue> args, string field, long increment)
    {
        args.Add(field);
        args.Add(increment);
    }

    /// <summary>Reads every hash of an index set; <see langword="null"/> when Redis is unreachable.</summary>
    private List<LedgerTotals>? Load(RedisKey index)
    {
        try
        {
            var db = _redis.Database;
            var members = db.SetMembers(index);
            var reads = new Task<HashEntry[]>[members.Length];
            for (var i = 0; i < members.Length; i++)
            {
                reads[i] = db.HashGetAllAsync((string)members[i]!);
            }

            Task.WaitAll(reads);
            _redis.Succeeded();
            return [.. reads.Select(t => LedgerTotals.FromHash(t.Result)).Where(t => t.Totals.Requests > 0)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, "snapshots show this instance only", ex is AggregateException { InnerException: { } inner } ? inner : ex);
            return null;
        }
    }

    private UsageSnapshot BuildSnapshot(List<LedgerTotals> buckets, DateTimeOffset? since, UsageSnapshot local)
    {
        var sums = new Dictionary<(string Provider, string Model), AssistantProviders.Usage.UsageTotals>();
        foreach (var bucket in buckets)
        {
            if (!sums.TryGetValue((bucket.Provider, bucket.Model), out var sum))
            {
                sum = new AssistantProviders.Usage.UsageTotals();
                sums[(bucket.Provider, bucket.Model)] = sum;
            }

            sum.Add(bucket.Totals);
        }

        var latencies = local.Rows.ToDictionary(r => (r.ProviderId, r.ModelId));
        var rows = new List<UsageSnapshotRow>(sums.Count);
        foreach (var ((provider, model), t) in sums.OrderBy(kv => kv.Key.Provider, StringComparer.Ordinal).ThenBy(kv => kv.Key.Model, StringComparer.Ordinal))
        {
            latencies.TryGetValue((provider, model), out var mine);
            rows.Add(t.ToRow(provider, model, mine?.P50Latency, mine?.P95Latency, mine?.P50TimeToFirstToken));
        }

        return new UsageSnapshot { TakenAt = _time.GetUtcNow(), Since = since, Rows = rows };
    }
}
