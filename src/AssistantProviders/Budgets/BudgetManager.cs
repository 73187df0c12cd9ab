// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AssistantProviders.Usage;

namespace AssistantProviders.Budgets;

/// <summary>
/// The in-process <see cref="IBudgetManager"/>. Every check-and-reserve runs under one lock across all levels (global,
/// tenant, provider, model × daily, monthly), so the sum of admitted worst cases never exceeds any limit, whatever the
/// concurrency. Periods are UTC and follow the injected <see cref="TimeProvider"/>; a reservation is settled against the
/// period it was made in. With an <see cref="IBudgetStore"/> (for example Redis) the counters live in the store and the
/// check-and-reserve is atomic there, so several app instances share the budgets; while the store is unavailable, paid calls
/// are refused (fail closed) or checked against these in-process counters (fail open), as the store says.
/// </summary>
internal sealed class BudgetManager : IBudgetManager
{
    private static readonly double[] DefaultThresholds = [0.8];

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, DateTimeOffset Start), BudgetCounter> _counters = [];
    private readonly BudgetOptions _options;
    private readonly Dictionary<string, decimal> _providerMonthly;
    private readonly double[] _thresholds;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IBudgetStore? _store;
    private readonly ConcurrentDictionary<string, BudgetLevel> _storeLevelsSeen = new(StringComparer.Ordinal);

    public BudgetManager(BudgetOptions options, TimeProvider? timeProvider = null, ILogger? logger = null, IReadOnlyDictionary<string, decimal>? providerMonthlyBudgets = null, IBudgetStore? store = null)
    {
        _store = store;
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _providerMonthly = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (provider, monthly) in providerMonthlyBudgets ?? new Dictionary<string, decimal>())
        {
            _providerMonthly[provider] = monthly;
        }

        _thresholds = [.. (options.AlertThresholds ?? DefaultThresholds).Where(t => t > 0d).Distinct().Order()];
    }

    /// <inheritdoc/>
    public event EventHandler<BudgetAlertEventArgs>? ThresholdReached;

    /// <inheritdoc/>
    public BudgetExceededPolicy OnExceeded => _options.OnExceeded;

    /// <inheritdoc/>
    public bool HasBudgets =>
        _options.Global is { Daily: not null } or { Monthly: not null }
        || _options.Providers.Count > 0 || _options.Tenants.Count > 0 || _options.Models.Count > 0 || _providerMonthly.Count > 0;

    /// <inheritdoc/>
    public bool CanAfford(string providerId, string modelId, decimal worstCaseUsd, string? tenant = null)
    {
        if (worstCaseUsd <= 0m)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        if (_store is not null)
        {
            var levels = StoreLevels(providerId, modelId, tenant, now);
            if (levels.Count == 0)
            {
                return true;
            }

            try
            {
                var usage = _store.Read(levels);
                for (var i = 0; i < levels.Count; i++)
                {
                    if (usage[i].Spent + usage[i].Reserved + worstCaseUsd > levels[i].Limit)
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.BudgetStoreReadFailed(ex);
                if (!_store.FailOpen)
                {
                    return false;
                }
            }
        }

        lock (_lock)
        {
            foreach (var (name, period, limit) in Levels(providerId, modelId, tenant))
            {
                var spent = Peek(name, period, now);
                if (spent + worstCaseUsd > limit)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public IReadOnlyList<BudgetStatus> GetStatus()
    {
        var now = _time.GetUtcNow();
        if (_store is not null)
        {
            var levels = StoreStatusLevels(now);
            try
            {
                return StoreStatus(levels, levels.Count == 0 ? [] : _store.Read(levels));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.BudgetStoreReadFailed(ex);
            }
        }

        return LocalStatus(now);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<BudgetStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        if (_store is not null)
        {
            var levels = StoreStatusLevels(now);
            try
            {
                return StoreStatus(levels, levels.Count == 0 ? [] : await _store.ReadAsync(levels, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.BudgetStoreReadFailed(ex);
            }
        }

        return LocalStatus(now);
    }

    private List<BudgetStatus> LocalStatus(DateTimeOffset now)
    {
        var result = new List<BudgetStatus>();
        lock (_lock)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, period, limit) in ConfiguredLevels())
            {
                names.Add(name);
                result.Add(Counter(name, period, limit, now).ToStatus());
            }

            foreach (var counter in _counters.Values)
            {
                if (!names.Contains(counter.Name) && counter.PeriodStart == UsagePeriods.Start(counter.Period, now))
                {
                    result.Add(counter.ToStatus());
                }
            }
        }

        return [.. result.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Reserves <paramref name="amount"/> against every level, or none when any level would be exceeded; through the shared
    /// <see cref="IBudgetStore"/> when there is one (free calls never touch it).
    /// </summary>
    /// <returns><see langword="null"/> and the reservation when reserved, else the exception to throw.</returns>
    public async ValueTask<(BudgetExceededException? Refusal, BudgetReservation Reservation)> TryReserveAsync(string providerId, string modelId, string? tenant, decimal amount, CancellationToken cancellationToken)
    {
        BudgetReservation reservation;
        if (_store is null || amount <= 0m || !HasBudgets)
        {
            return (TryReserve(providerId, modelId, tenant, amount, out reservation), reservation);
        }

        var levels = StoreLevels(providerId, modelId, tenant, _time.GetUtcNow());
        if (levels.Count == 0)
        {
            return (null, new BudgetReservation([], amount));
        }

        var id = Guid.NewGuid().ToString("N");
        BudgetStoreOutcome outcome;
        try
        {
            outcome = await _store.ReserveAsync(id, levels, amount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_store.FailOpen)
            {
                _logger.BudgetStoreFailOpen(ex, providerId, modelId);
                return (TryReserve(providerId, modelId, tenant, amount, out reservation), reservation);
            }

            _logger.BudgetStoreFailClosed(ex, providerId, modelId);
            var refusal = new BudgetExceededException(
                $"The shared budget store is unavailable and AssistantProviders:Redis:OnStoreUnavailable is FailClosed: the paid call to '{providerId}/{modelId}' (worst case {amount:0.######} USD) is refused. Free and local providers still work.",
                ex)
            {
                ProviderId = providerId,
                ModelId = modelId,
            };
            return (refusal, new BudgetReservation([], 0m) { Completed = 1 });
        }

        foreach (var level in levels)
        {
            _storeLevelsSeen[level.Name] = level;
        }

        if (!outcome.Reserved)
        {
            var level = levels[Math.Clamp(outcome.RefusedLevel, 0, levels.Count - 1)];
            _logger.BudgetRefused(level.Name, providerId, modelId, level.Limit, outcome.Used, amount);
            var refusal = new BudgetExceededException(level.Name, level.Limit, outcome.Used, amount) { ProviderId = providerId, ModelId = modelId };
            return (refusal, new BudgetReservation([], 0m) { Completed = 1 });
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.BudgetReserved(amount, providerId, modelId, levels.Count);
        }

        return (null, new BudgetReservation(id, levels, amount));
    }

    /// <summary>Reserves <paramref name="amount"/> against every level, or none when any level would be exceeded.</summary>
    /// <returns><see langword="null"/> when reserved, else the exception to throw (naming the first budget that does not fit).</returns>
    public BudgetExceededException? TryReserve(string providerId, string modelId, string? tenant, decimal amount, out BudgetReservation reservation)
    {
        amount = Math.Max(0m, amount);
        if (!HasBudgets)
        {
            // No budget configured: nothing to check or reserve against (no level names, counters or lock per request).
            reservation = new BudgetReservation([], amount);
            if (amount > 0m && _logger.IsEnabled(LogLevel.Debug))
            {
                _logger.BudgetReserved(amount, providerId, modelId, 0);
            }

            return null;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var counters = new List<BudgetCounter>();
            foreach (var (name, period, limit) in Levels(providerId, modelId, tenant))
            {
                var counter = Counter(name, period, limit, now);
                if (amount > 0m && counter.Spent + counter.Reserved + amount > counter.Limit)
                {
                    reservation = new BudgetReservation([], 0m) { Completed = 1 };
                    _logger.BudgetRefused(name, providerId, modelId, counter.Limit, counter.Spent + counter.Reserved, amount);
                    return new BudgetExceededException(name, counter.Limit, counter.Spent + counter.Reserved, amount)
                    {
                        ProviderId = providerId,
                        ModelId = modelId,
                    };
                }

                counters.Add(counter);
            }

            foreach (var counter in counters)
            {
                counter.Reserved += amount;
            }

            reservation = new BudgetReservation(counters, amount);
        }

        if (amount > 0m && _logger.IsEnabled(LogLevel.Debug))
        {
            _logger.BudgetReserved(amount, providerId, modelId, reservation.Counters.Count);
        }

        return null;
    }

    /// <summary>
    /// Replaces the reservation with the actual cost (0 on release). A second call is a no-op. An in-process reservation
    /// completes synchronously; one held in a shared store awaits the store's <see cref="IBudgetStore.SettleAsync"/>, so a
    /// network round trip never blocks a pool thread. The settle is never cancelled: a call that was sent is always counted.
    /// </summary>
    public async ValueTask SettleAsync(BudgetReservation reservation, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (Interlocked.Exchange(ref reservation.Completed, 1) == 1)
        {
            return;
        }

        actual = Math.Max(0m, actual);
        List<BudgetAlertEventArgs>? alerts = null;
        if (reservation.InStore)
        {
            var spentAfter = await _store!.SettleAsync(reservation.Id!, reservation.Levels, actual, CancellationToken.None).ConfigureAwait(false);
            alerts = StoreAlerts(reservation, actual, spentAfter);
        }
        else
        {
            SettleInProcess(reservation, actual, ref alerts);
        }

        if (alerts is null)
        {
            return;
        }

        foreach (var alert in alerts)
        {
            _logger.BudgetThresholdReached(alert.BudgetName, Math.Round(alert.Threshold * 100d, 2), alert.Status.Limit, alert.Status.Spent);
            try
            {
                ThresholdReached?.Invoke(this, alert);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.BudgetAlertHandlerFailed(ex, alert.BudgetName);
            }
        }
    }

    /// <summary>Releases a reservation without spending.</summary>
    public ValueTask ReleaseAsync(BudgetReservation reservation) => SettleAsync(reservation, 0m);

    private void SettleInProcess(BudgetReservation reservation, decimal actual, ref List<BudgetAlertEventArgs>? alerts)
    {
        lock (_lock)
        {
            foreach (var counter in reservation.Counters)
            {
                counter.Reserved = Math.Max(0m, counter.Reserved - reservation.Amount);
                counter.Spent += actual;
                if (actual <= 0m || counter.Limit <= 0m)
                {
                    continue;
                }

                var ratio = (double)(counter.Spent / counter.Limit);
                foreach (var threshold in _thresholds)
                {
                    if (ratio >= threshold && counter.FiredThresholds.Add(threshold))
                    {
                        (alerts ??= []).Add(new BudgetAlertEventArgs(counter.ToStatus(), threshold));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The alerts of a settle in the shared store. A threshold fires on the settle whose spend crosses it (before &lt; threshold
    /// ≤ after), so it fires once across the whole fleet. A settle the store defers (unavailable) fires nothing.
    /// </summary>
    private List<BudgetAlertEventArgs>? StoreAlerts(BudgetReservation reservation, decimal actual, IReadOnlyList<decimal>? spentAfter)
    {
        if (spentAfter is null || actual <= 0m)
        {
            return null;
        }

        List<BudgetAlertEventArgs>? alerts = null;
        for (var i = 0; i < reservation.Levels.Count && i < spentAfter.Count; i++)
        {
            var level = reservation.Levels[i];
            if (level.Limit <= 0m)
            {
                continue;
            }

            var after = (double)(spentAfter[i] / level.Limit);
            var before = (double)((spentAfter[i] - actual) / level.Limit);
            foreach (var threshold in _thresholds)
            {
                if (before < threshold && after >= threshold)
                {
                    var status = new BudgetStatus
                    {
                        Name = level.Name,
                        Period = level.Period,
                        Limit = level.Limit,
                        Spent = spentAfter[i],
                        PeriodStart = level.PeriodStart,
                        ResetsAt = UsagePeriods.Next(level.Period, level.PeriodStart),
                    };
                    (alerts ??= []).Add(new BudgetAlertEventArgs(status, threshold));
                }
            }
        }

        return alerts;
    }

    private List<BudgetLevel> StoreLevels(string providerId, string modelId, string? tenant, DateTimeOffset now) =>
        [.. Levels(providerId, modelId, tenant).Select(l => new BudgetLevel(l.Name, l.Period, l.Limit, UsagePeriods.Start(l.Period, now)))];

    /// <summary>The levels the shared store is read for: every configured budget, and the tenants seen so far.</summary>
    private List<BudgetLevel> StoreStatusLevels(DateTimeOffset now)
    {
        var levels = new List<BudgetLevel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, period, limit) in ConfiguredLevels())
        {
            if (names.Add(name))
            {
                levels.Add(new BudgetLevel(name, period, limit, UsagePeriods.Start(period, now)));
            }
        }

        foreach (var seen in _storeLevelsSeen.Values)
        {
            if (names.Add(seen.Name))
            {
                levels.Add(seen with { PeriodStart = UsagePeriods.Start(seen.Period, now) });
            }
        }

        return levels;
    }

    private static List<BudgetStatus> StoreStatus(List<BudgetLevel> levels, IReadOnlyList<BudgetLevelUsage> usage)
    {
        var result = new List<BudgetStatus>(levels.Count);
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            result.Add(new BudgetStatus
            {
                Name = level.Name,
                Period = level.Period,
                Limit = level.Limit,
                Spent = usage[i].Spent,
                Reserved = usage[i].Reserved,
                PeriodStart = level.PeriodStart,
                ResetsAt = UsagePeriods.Next(level.Period, level.PeriodStart),
            });
        }

        return [.. result.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    private IEnumerable<(string Name, UsagePeriod Period, decimal Limit)> ConfiguredLevels()
    {
        foreach (var level in Limits("global", _options.Global))
        {
            yield return level;
        }

        foreach (var (provider, limits) in _options.Providers)
        {
            foreach (var level in ProviderLimits(provider.ToLowerInvariant(), limits))
            {
                yield return level;
            }
        }

        foreach (var (provider, monthly) in _providerMonthly)
        {
            if (!_options.Providers.ContainsKey(provider))
            {
                foreach (var level in ProviderLimits(provider.ToLowerInvariant(), null))
                {
                    yield return level;
                }
            }
        }

        foreach (var (tenant, limits) in _options.Tenants)
        {
            if (tenant != "*")
            {
                foreach (var level in Limits("tenant:" + tenant, limits))
                {
                    yield return level;
                }
            }
        }

        foreach (var (model, limits) in _options.Models)
        {
            foreach (var level in Limits("model:" + model, limits))
            {
                yield return level;
            }
        }
    }

    private IEnumerable<(string Name, UsagePeriod Period, decimal Limit)> Levels(string providerId, string modelId, string? tenant)
    {
        foreach (var level in Limits("global", _options.Global))
        {
            yield return level;
        }

        if (tenant is not null && (_options.Tenants.TryGetValue(tenant, out var t) || _options.Tenants.TryGetValue("*", out t)))
        {
            foreach (var level in Limits("tenant:" + tenant, t))
            {
                yield return level;
            }
        }

        _options.Providers.TryGetValue(providerId, out var p);
        foreach (var level in ProviderLimits(providerId.ToLowerInvariant(), p))
        {
            yield return level;
        }

        if (_options.Models.TryGetValue(providerId + "/" + modelId, out var m))
        {
            foreach (var level in Limits("model:" + providerId.ToLowerInvariant() + "/" + modelId, m))
            {
                yield return level;
            }
        }
    }

    private IEnumerable<(string Name, UsagePeriod Period, decimal Limit)> ProviderLimits(string providerId, BudgetLimitOptions? limits)
    {
        var monthly = limits?.Monthly;
        if (_providerMonthly.TryGetValue(providerId, out var fromOptions))
        {
            monthly = monthly is { } configured ? Math.Min(configured, fromOptions) : fromOptions;
        }

        return Limits("provider:" + providerId, new BudgetLimitOptions { Daily = limits?.Daily, Monthly = monthly });
    }

    private static IEnumerable<(string Name, UsagePeriod Period, decimal Limit)> Limits(string scope, BudgetLimitOptions? limits)
    {
        if (limits?.Daily is { } daily)
        {
            yield return (scope + "/daily", UsagePeriod.Day, daily);
        }

        if (limits?.Monthly is { } monthly)
        {
            yield return (scope + "/monthly", UsagePeriod.Month, monthly);
        }
    }

    private decimal Peek(string name, UsagePeriod period, DateTimeOffset now) =>
        _counters.TryGetValue((name, UsagePeriods.Start(period, now)), out var c) ? c.Spent + c.Reserved : 0m;

    private BudgetCounter Counter(string name, UsagePeriod period, decimal limit, DateTimeOffset now)
    {
        var start = UsagePeriods.Start(period, now);
        if (_counters.TryGetValue((name, start), out var counter))
        {
            return counter;
        }

        // A new period begins: drop finished periods of this budget that hold no reservation.
        var stale = _counters.Where(kv => kv.Key.Name == name && kv.Key.Start < start && kv.Value.Reserved == 0m).Select(kv => kv.Key).ToList();
        foreach (var key in stale)
        {
            _counters.Remove(key);
        }

        counter = new BudgetCounter(name, period, start, limit);
        _counters[(name, start)] = counter;
        return counter;
    }
}
