// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using AssistantProviders.Budgets;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The budgets of a process whose SQLite file became unavailable: in memory, same check-and-reserve rule, one lock. Each
/// level starts from the spend last read from the file, so a monthly budget is not reset mid-month when the file fails.
/// Reservations made in the file before the failure are settled here (their actual cost counts, once).
/// </summary>
internal sealed class MemoryBudgetFallback
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, long Start), Counter> _counters = [];
    private readonly Dictionary<string, long> _reservations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, long Start), long> _lastSpent = new();
    private readonly ConcurrentDictionary<string, byte> _heldInFile = new(StringComparer.Ordinal);

    /// <summary>Remembers the spend of a level as last read from the file (the starting point if the file fails).</summary>
    public void SeenInFile(string name, long periodStart, long spent) => _lastSpent[(name, periodStart)] = spent;

    /// <summary>Remembers a reservation this process holds in the file, so its settle still counts after a failure.</summary>
    public void HeldInFile(string reservationId) => _heldInFile[reservationId] = 0;

    /// <summary>Forgets a reservation settled in the file.</summary>
    public void SettledInFile(string reservationId) => _heldInFile.TryRemove(reservationId, out _);

    public BudgetStoreOutcome Reserve(string reservationId, IReadOnlyList<BudgetLevel> levels, long amount)
    {
        lock (_lock)
        {
            if (_reservations.ContainsKey(reservationId))
            {
                return new BudgetStoreOutcome(true, -1, 0m);
            }

            for (var i = 0; i < levels.Count; i++)
            {
                var counter = Get(levels[i]);
                var used = counter.Spent + counter.Reserved;
                if (used + amount > SqliteMoney.Limit(levels[i].Limit))
                {
                    return new BudgetStoreOutcome(false, i, SqliteMoney.Usd(used));
                }
            }

            foreach (var level in levels)
            {
                Get(level).Reserved += amount;
            }

            _reservations[reservationId] = amount;
            return new BudgetStoreOutcome(true, -1, 0m);
        }
    }

    public IReadOnlyList<decimal>? Settle(string reservationId, IReadOnlyList<BudgetLevel> levels, long actual)
    {
        lock (_lock)
        {
            var held = _reservations.Remove(reservationId, out var amount);
            if (!held && !_heldInFile.TryRemove(reservationId, out _))
            {
                return null; // Already settled (or never reserved).
            }

            var spent = new decimal[levels.Count];
            for (var i = 0; i < levels.Count; i++)
            {
                var counter = Get(levels[i]);
                if (held)
                {
                    counter.Reserved = Math.Max(0L, counter.Reserved - amount);
                }

                counter.Spent += actual;
                spent[i] = SqliteMoney.Usd(counter.Spent);
            }

            return spent;
        }
    }

    public IReadOnlyList<BudgetLevelUsage> Read(IReadOnlyList<BudgetLevel> levels)
    {
        lock (_lock)
        {
            return [.. levels.Select(l => Get(l)).Select(c => new BudgetLevelUsage(SqliteMoney.Usd(c.Spent), SqliteMoney.Usd(c.Reserved)))];
        }
    }

    private Counter Get(BudgetLevel level)
    {
        var key = (level.Name, level.PeriodStart.ToUnixTimeMilliseconds());
        if (!_counters.TryGetValue(key, out var counter))
        {
            counter = new Counter { Spent = _lastSpent.GetValueOrDefault(key) };
            _counters[key] = counter;
        }

        return counter;
    }

    private sealed class Counter
    {
        public long Spent { get; set; }

        public long Reserved { get; set; }
    }
}
