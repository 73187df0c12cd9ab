// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// The usage store in Redis: requests, errors by kind, tokens and cost per provider, model, tenant and period (minute, hour,
/// day, month, all time), so every instance's <c>IUsageLedger.Snapshot()</c> shows the fleet. Latency percentiles stay per
/// instance (the engine's ledger keeps them). While Redis is unreachable reads return <see langword="null"/> (the ledger then
/// shows this instance only) and records are replayed, once each, when Redis is back.
/// </summary>
internal sealed class RedisUsageStore : IUsageStore
{
    /// <summary>The most records kept in memory while Redis is down.</summary>
    public const int MaxPending = 100_000;

    private const string Area = "ledger";
    private const string Behavior = "this instance's ledger only; records are replayed once Redis is back";
    private static readonly UsagePeriod[] Periods = [UsagePeriod.Minute, UsagePeriod.Hour, UsagePeriod.Day, UsagePeriod.Month];
    private static readonly long MarkerTtlSeconds = (long)TimeSpan.FromDays(2).TotalSeconds;

    /// <summary>The most periods one read walks (a 400-day spend report).</summary>
    private const int MaxPeriodsRead = 400;

    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeferredWrites<PendingRecord> _pending;

    public RedisUsageStore(RedisConnection redis, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        _pending = new DeferredWrites<PendingRecord>(MaxPending, "ledger records", logger);
        _redis.Restored += (_, _) => FlushPending();
    }

    /// <summary>Gets the number of records waiting for Redis.</summary>
    public int PendingCount => _pending.Count;

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
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
    public IReadOnlyList<UsageBucket>? Read(UsagePeriod period, DateTimeOffset firstStart, DateTimeOffset lastStart)
    {
        var buckets = new List<UsageBucket>();
        var start = UsagePeriods.Start(period, firstStart);
        for (var periods = 0; start <= lastStart && periods < MaxPeriodsRead; periods++)
        {
            var read = Load(_redis.Keys.LedgerIndex(period, start), start);
            if (read is null)
            {
                return null;
            }

            buckets.AddRange(read);
            start = UsagePeriods.Next(period, start);
        }

        return buckets;
    }

    /// <inheritdoc/>
    public IReadOnlyList<UsageBucket>? ReadAllTime() => Load(_redis.Keys.LedgerIndexAllTime, periodStart: null);

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
            var start = UsagePeriods.Start(period, at);
            keys[1 + i] = _redis.Keys.LedgerBucket(period, start, r.ProviderId, r.ModelId, tenant);
            keys[1 + buckets + i] = _redis.Keys.LedgerIndex(period, start);
            var retention = UsagePeriods.Retention(period);
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
    private List<UsageBucket>? Load(RedisKey index, DateTimeOffset? periodStart)
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
            return [.. reads.Select(t => LedgerHash.ToBucket(t.Result, periodStart)).Where(b => b.Requests > 0)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, "snapshots show this instance only", ex is AggregateException { InnerException: { } inner } ? inner : ex);
            return null;
        }
    }
}
