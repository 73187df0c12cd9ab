// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;

namespace AssistantProviders.Budgets;

/// <summary>
/// An <see cref="IBudgetStore"/> in process memory: one lock over every level, so a reserve checks and reserves all levels
/// or none; settles are idempotent by reservation id (the last 100 000 settled ids are remembered). Never unavailable. It
/// gives one process the store semantics (ids, deferred-free settles) and is the reference the store conformance suite holds
/// the Redis and SQLite stores to.
/// </summary>
internal sealed class InMemoryBudgetStore : IBudgetStore
{
    /// <summary>The most settled ids remembered to make repeated settles no-ops.</summary>
    public const int SettledIdsKept = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, DateTimeOffset Start), Counter> _counters = [];
    private readonly Dictionary<string, decimal> _held = new(StringComparer.Ordinal);
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);
    private readonly Queue<string> _settledOrder = new();

    /// <summary>Gets <see langword="true"/>: memory is never unavailable.</summary>
    public bool FailOpen => true;

    /// <inheritdoc/>
    public ValueTask<BudgetStoreOutcome> ReserveAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        ArgumentNullException.ThrowIfNull(levels);
        cancellationToken.ThrowIfCancellationRequested();
        amount = Math.Max(0m, amount);
        lock (_lock)
        {
            if (_held.ContainsKey(reservationId) || _settled.Contains(reservationId))
            {
                return ValueTask.FromResult(new BudgetStoreOutcome(true, -1, 0m));
            }

            for (var i = 0; i < levels.Count; i++)
            {
                var counter = Get(levels[i]);
                var used = counter.Spent + counter.Reserved;
                if (used + amount > levels[i].Limit)
                {
                    return ValueTask.FromResult(new BudgetStoreOutcome(false, i, used));
                }
            }

            foreach (var level in levels)
            {
                Get(level).Reserved += amount;
            }

            _held[reservationId] = amount;
            return ValueTask.FromResult(new BudgetStoreOutcome(true, -1, 0m));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<decimal>? Settle(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        ArgumentNullException.ThrowIfNull(levels);
        actual = Math.Max(0m, actual);
        lock (_lock)
        {
            if (!_settled.Add(reservationId))
            {
                return null; // Already settled: a repeat counts nothing.
            }

            _settledOrder.Enqueue(reservationId);
            if (_settledOrder.Count > SettledIdsKept)
            {
                _settled.Remove(_settledOrder.Dequeue());
            }

            var held = _held.Remove(reservationId, out var amount);
            var spent = new decimal[levels.Count];
            for (var i = 0; i < levels.Count; i++)
            {
                var counter = Get(levels[i]);
                if (held)
                {
                    counter.Reserved = Math.Max(0m, counter.Reserved - amount);
                }

                counter.Spent += actual;
                spent[i] = counter.Spent;
            }

            return spent;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<BudgetLevelUsage> Read(IReadOnlyList<BudgetLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        lock (_lock)
        {
            return [.. levels.Select(l => _counters.TryGetValue((l.Name, l.PeriodStart), out var c) ? new BudgetLevelUsage(c.Spent, c.Reserved) : default)];
        }
    }

    private Counter Get(BudgetLevel level)
    {
        if (_counters.TryGetValue((level.Name, level.PeriodStart), out var counter))
        {
            return counter;
        }

        // A new period begins: drop periods of this budget older than the previous one that hold no reservation (the
        // previous period stays readable, for calls settled just after the boundary).
        var previous = Previous(level);
        var stale = _counters.Where(kv => kv.Key.Name == level.Name && kv.Key.Start < previous && kv.Value.Reserved == 0m).Select(kv => kv.Key).ToList();
        foreach (var key in stale)
        {
            _counters.Remove(key);
        }

        counter = new Counter();
        _counters[(level.Name, level.PeriodStart)] = counter;
        return counter;
    }

    private static DateTimeOffset Previous(BudgetLevel level) => level.Period switch
    {
        UsagePeriod.Minute => level.PeriodStart.AddMinutes(-1),
        UsagePeriod.Hour => level.PeriodStart.AddHours(-1),
        UsagePeriod.Day => level.PeriodStart.AddDays(-1),
        _ => level.PeriodStart.AddMonths(-1),
    };

    private sealed class Counter
    {
        public decimal Spent { get; set; }

        public decimal Reserved { get; set; }
    }
}
