// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// Budgets in Redis: reserve, settle and release are Lua scripts, atomic across every instance, over the same nested levels
/// and UTC periods as the in-process manager. A settle that cannot reach Redis is kept and applied once Redis is back; it is
/// keyed by reservation id, so a settle that did reach Redis before the connection dropped is never counted twice.
/// </summary>
internal sealed class RedisBudgetStore : IBudgetStore
{
    /// <summary>The most deferred settles kept in memory while Redis is down.</summary>
    public const int MaxPending = 100_000;

    private const string Area = "budgets";
    private static readonly TimeSpan KeyRetention = TimeSpan.FromDays(7);

    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeferredWrites<PendingSettle> _pending;

    public RedisBudgetStore(RedisConnection redis, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        _pending = new DeferredWrites<PendingSettle>(MaxPending, "budget settles", logger);
        _redis.Restored += (_, _) => FlushPending();
    }

    /// <inheritdoc/>
    public bool FailOpen => _redis.Options.OnStoreUnavailable == RedisUnavailableBehavior.FailOpen;

    /// <summary>Gets the number of settles waiting for Redis.</summary>
    public int PendingCount => _pending.Count;

    private string Behavior => FailOpen ? "budgets fall back to this instance's in-process limits (FailOpen)" : "paid calls are refused (FailClosed)";

    /// <inheritdoc/>
    public async ValueTask<BudgetStoreOutcome> ReserveAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(levels);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        var keys = new RedisKey[levels.Count * 2];
        var args = new RedisValue[4 + (levels.Count * 2)];
        var units = RedisMoney.Ceiling(amount);
        args[0] = reservationId;
        args[1] = units;
        args[2] = now.ToUnixTimeMilliseconds();
        args[3] = (now + _redis.Options.ReservationTimeout).ToUnixTimeMilliseconds();
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            keys[2 * i] = _redis.Keys.Budget(level.Name, level.PeriodStart);
            keys[(2 * i) + 1] = _redis.Keys.BudgetReservations(level.Name, level.PeriodStart);
            args[4 + (2 * i)] = RedisMoney.Floor(level.Limit);
            args[5 + (2 * i)] = TtlSeconds(level, now);
        }

        RedisResult result;
        try
        {
            result = await (await _redis.GetDatabaseAsync().ConfigureAwait(false)).ScriptEvaluateAsync(RedisScripts.Reserve, keys, args).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, Behavior, ex);
            throw;
        }

        _redis.Succeeded();
        FlushPending();
        var values = (RedisResult[])result!;
        var code = (int)values[0];
        return code == 0
            ? new BudgetStoreOutcome(false, (int)values[1], RedisMoney.ToUsd((long)values[2]))
            : new BudgetStoreOutcome(true, -1, 0m);
    }

    /// <inheritdoc/>
    public IReadOnlyList<decimal>? Settle(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var settle = new PendingSettle(reservationId, levels, actual);
        try
        {
            var spent = Apply(settle);
            _redis.Succeeded();
            FlushPending();
            return spent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Defer(settle, ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One awaited script round trip: no pool thread waits on Redis. Cancelled or failed, the settle is kept.</remarks>
    public async ValueTask<IReadOnlyList<decimal>?> SettleAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var settle = new PendingSettle(reservationId, levels, actual);
        IReadOnlyList<decimal>? spent;
        try
        {
            var (keys, args) = SettleScript(settle);
            var database = await _redis.GetDatabaseAsync().ConfigureAwait(false);
            spent = SettleResult(await database.ScriptEvaluateAsync(RedisScripts.Settle, keys, args).WaitAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            // Cancelled too: the script may or may not have run, and applying it again is a no-op by id.
            Defer(settle, ex);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return null;
        }

        _redis.Succeeded();
        FlushPending();
        return spent;
    }

    /// <inheritdoc/>
    public IReadOnlyList<BudgetLevelUsage> Read(IReadOnlyList<BudgetLevel> levels)
    {
        var keys = ReadKeys(levels);
        RedisResult result;
        try
        {
            result = _redis.Database.ScriptEvaluate(RedisScripts.ReadBudgets, keys);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, Behavior, ex);
            throw;
        }

        _redis.Succeeded();
        return ReadResult(levels, result);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<BudgetLevelUsage>> ReadAsync(IReadOnlyList<BudgetLevel> levels, CancellationToken cancellationToken)
    {
        var keys = ReadKeys(levels);
        RedisResult result;
        try
        {
            var database = await _redis.GetDatabaseAsync().ConfigureAwait(false);
            result = await database.ScriptEvaluateAsync(RedisScripts.ReadBudgets, keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, Behavior, ex);
            throw;
        }

        _redis.Succeeded();
        return ReadResult(levels, result);
    }

    /// <summary>Applies the settles kept while Redis was down. Called after each successful operation and when the connection is restored.</summary>
    public void FlushPending() => _pending.Flush(p => Apply(p), ex => _redis.Failed(Area, "the settle is kept and applied once Redis is back", ex));

    private IReadOnlyList<decimal>? Defer(PendingSettle settle, Exception ex)
    {
        _redis.Failed(Area, "the settle is kept and applied once Redis is back", ex);
        _pending.Add(settle);
        Log.SettleDeferred(_logger, settle.ReservationId, PendingCount);
        return null;
    }

    private RedisKey[] ReadKeys(IReadOnlyList<BudgetLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var keys = new RedisKey[levels.Count];
        for (var i = 0; i < levels.Count; i++)
        {
            keys[i] = _redis.Keys.Budget(levels[i].Name, levels[i].PeriodStart);
        }

        return keys;
    }

    private static BudgetLevelUsage[] ReadResult(IReadOnlyList<BudgetLevel> levels, RedisResult result)
    {
        var values = (long[])result!;
        var usage = new BudgetLevelUsage[levels.Count];
        for (var i = 0; i < levels.Count; i++)
        {
            usage[i] = new BudgetLevelUsage(RedisMoney.ToUsd(values[2 * i]), RedisMoney.ToUsd(Math.Max(0L, values[(2 * i) + 1])));
        }

        return usage;
    }

    private IReadOnlyList<decimal>? Apply(PendingSettle settle)
    {
        var (keys, args) = SettleScript(settle);
        return SettleResult(_redis.Database.ScriptEvaluate(RedisScripts.Settle, keys, args));
    }

    private (RedisKey[] Keys, RedisValue[] Args) SettleScript(PendingSettle settle)
    {
        var now = _time.GetUtcNow();
        var levels = settle.Levels;
        var keys = new RedisKey[(levels.Count * 2) + 1];
        var args = new RedisValue[3 + levels.Count];
        args[0] = settle.ReservationId;
        args[1] = RedisMoney.Round(settle.Actual);
        args[2] = (long)Math.Max(TimeSpan.FromDays(2).TotalSeconds, _redis.Options.ReservationTimeout.TotalSeconds * 2);
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            keys[2 * i] = _redis.Keys.Budget(level.Name, level.PeriodStart);
            keys[(2 * i) + 1] = _redis.Keys.BudgetReservations(level.Name, level.PeriodStart);
            args[3 + i] = TtlSeconds(level, now);
        }

        keys[^1] = _redis.Keys.Settled(settle.ReservationId);
        return (keys, args);
    }

    private static IReadOnlyList<decimal>? SettleResult(RedisResult result)
    {
        var values = (long[])result!;
        if (values.Length == 1 && values[0] == -1)
        {
            return null; // Already settled (spend is never negative, so -1 is unambiguous).
        }

        return [.. values.Select(RedisMoney.ToUsd)];
    }

    private static long TtlSeconds(BudgetLevel level, DateTimeOffset now)
    {
        var ttl = UsagePeriods.Next(level.Period, level.PeriodStart) + KeyRetention - now;
        return (long)Math.Max(3600d, ttl.TotalSeconds);
    }
}
