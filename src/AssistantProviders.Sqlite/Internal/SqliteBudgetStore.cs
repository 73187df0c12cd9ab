// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Data.Sqlite;
using AssistantProviders.Budgets;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// Budgets in the SQLite file. Each reserve is one <c>BEGIN IMMEDIATE</c> transaction that checks every level and reserves
/// against all or none, so concurrent calls of this process (one connection, one operation at a time) and of other processes
/// on the same file (SQLite's write lock) never overspend. Settles are idempotent by reservation id (a marker row). Periods
/// are the ones the budget manager passes (UTC, as in memory). While the file is unavailable, <see cref="MemoryBudgetFallback"/> answers.
/// </summary>
internal sealed class SqliteBudgetStore : IBudgetStore
{
    private const string SpentAndReserved = """
        SELECT
          COALESCE((SELECT spent FROM budget_spend WHERE name = $name AND period_start = $start), 0),
          COALESCE((SELECT SUM(amount) FROM budget_reservations WHERE name = $name AND period_start = $start AND expires_at > $now), 0)
        """;

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly TimeSpan _reservationTimeout;
    private readonly MemoryBudgetFallback _fallback = new();
    private long _nextPruneMs;

    public SqliteBudgetStore(SqliteDatabase database, TimeProvider time, TimeSpan reservationTimeout)
    {
        _database = database;
        _time = time;
        _reservationTimeout = reservationTimeout;
    }

    /// <summary>Gets <see langword="true"/>: this store never throws for an unavailable file (it continues in memory itself).</summary>
    public bool FailOpen => true;

    /// <inheritdoc/>
    public async ValueTask<BudgetStoreOutcome> ReserveAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        ArgumentNullException.ThrowIfNull(levels);
        cancellationToken.ThrowIfCancellationRequested();
        var units = SqliteMoney.Reserve(amount);
        var (ok, outcome) = await _database.TryRunAsync(c => Reserve(c, reservationId, levels, units), cancellationToken).ConfigureAwait(false);
        return ok ? outcome : _fallback.Reserve(reservationId, levels, units);
    }

    /// <inheritdoc/>
    public IReadOnlyList<decimal>? Settle(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        ArgumentNullException.ThrowIfNull(levels);
        var units = SqliteMoney.Actual(actual);
        return _database.TryRun(c => Settle(c, reservationId, levels, units), out var spent)
            ? spent
            : _fallback.Settle(reservationId, levels, units);
    }

    /// <inheritdoc/>
    public IReadOnlyList<BudgetLevelUsage> Read(IReadOnlyList<BudgetLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return _database.TryRun(c => Read(c, levels), out var usage) ? usage : _fallback.Read(levels);
    }

    private BudgetStoreOutcome Reserve(SqliteConnection connection, string id, IReadOnlyList<BudgetLevel> levels, long amount)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock before the check.
        connection.NonQuery("DELETE FROM budget_reservations WHERE expires_at <= $now", transaction, ("$now", now));
        if (connection.Int64("SELECT COUNT(*) FROM budget_reservations WHERE id = $id", transaction, ("$id", id)) > 0)
        {
            transaction.Commit();
            return new BudgetStoreOutcome(true, -1, 0m);
        }

        for (var i = 0; i < levels.Count; i++)
        {
            var (spent, reserved) = SpentAndReservedOf(connection, transaction, levels[i], now);
            var used = spent + reserved;
            if (used + amount > SqliteMoney.Limit(levels[i].Limit))
            {
                transaction.Commit(); // Keeps the expired reservations dropped above.
                return new BudgetStoreOutcome(false, i, SqliteMoney.Usd(used));
            }
        }

        var expires = now + (long)_reservationTimeout.TotalMilliseconds;
        foreach (var level in levels)
        {
            connection.NonQuery(
                "INSERT OR IGNORE INTO budget_reservations (id, name, period_start, amount, expires_at) VALUES ($id, $name, $start, $amount, $expires)",
                transaction,
                ("$id", id),
                ("$name", level.Name),
                ("$start", level.PeriodStart.ToUnixTimeMilliseconds()),
                ("$amount", amount),
                ("$expires", expires));
        }

        transaction.Commit();
        _fallback.HeldInFile(id);
        return new BudgetStoreOutcome(true, -1, 0m);
    }

    private decimal[]? Settle(SqliteConnection connection, string id, IReadOnlyList<BudgetLevel> levels, long actual)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var transaction = connection.BeginTransaction(deferred: false);
        PruneIfDue(connection, transaction, now);
        var first = connection.NonQuery("INSERT OR IGNORE INTO budget_settled (id, settled_at) VALUES ($id, $now)", transaction, ("$id", id), ("$now", now));
        if (first == 0)
        {
            transaction.Commit();
            _fallback.SettledInFile(id);
            return null; // Already settled: a replay counts nothing.
        }

        connection.NonQuery("DELETE FROM budget_reservations WHERE id = $id", transaction, ("$id", id));
        var spent = new decimal[levels.Count];
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var start = level.PeriodStart.ToUnixTimeMilliseconds();
            var after = connection.Int64(
                """
                INSERT INTO budget_spend (name, period_start, spent) VALUES ($name, $start, $actual)
                ON CONFLICT (name, period_start) DO UPDATE SET spent = spent + excluded.spent
                RETURNING spent
                """,
                transaction,
                ("$name", level.Name),
                ("$start", start),
                ("$actual", actual));
            _fallback.SeenInFile(level.Name, start, after);
            spent[i] = SqliteMoney.Usd(after);
        }

        transaction.Commit();
        _fallback.SettledInFile(id);
        return spent;
    }

    private BudgetLevelUsage[] Read(SqliteConnection connection, IReadOnlyList<BudgetLevel> levels)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var transaction = connection.BeginTransaction(deferred: true); // One consistent read of every level.
        var usage = new BudgetLevelUsage[levels.Count];
        for (var i = 0; i < levels.Count; i++)
        {
            var (spent, reserved) = SpentAndReservedOf(connection, transaction, levels[i], now);
            usage[i] = new BudgetLevelUsage(SqliteMoney.Usd(spent), SqliteMoney.Usd(reserved));
        }

        transaction.Commit();
        return usage;
    }

    private (long Spent, long Reserved) SpentAndReservedOf(SqliteConnection connection, SqliteTransaction transaction, BudgetLevel level, long now)
    {
        var start = level.PeriodStart.ToUnixTimeMilliseconds();
        using var command = connection.Command(SpentAndReserved, transaction, ("$name", level.Name), ("$start", start), ("$now", now));
        using var reader = command.ExecuteReader();
        reader.Read();
        var spent = reader.GetInt64(0);
        _fallback.SeenInFile(level.Name, start, spent);
        return (spent, reader.GetInt64(1));
    }

    /// <summary>Drops settle markers older than twice the reservation timeout (at least 2 days): no replay comes that late.</summary>
    private void PruneIfDue(SqliteConnection connection, SqliteTransaction transaction, long now)
    {
        if (now < _nextPruneMs)
        {
            return;
        }

        _nextPruneMs = now + (long)PruneEvery.TotalMilliseconds;
        var keep = Math.Max(TimeSpan.FromDays(2).TotalMilliseconds, 2 * _reservationTimeout.TotalMilliseconds);
        connection.NonQuery("DELETE FROM budget_settled WHERE settled_at < $cutoff", transaction, ("$cutoff", now - (long)keep));
    }
}
