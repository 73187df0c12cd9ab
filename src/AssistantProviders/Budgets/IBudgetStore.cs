// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>
/// A store of budget counters (for example Redis, shared by several app instances, or a SQLite file that survives restarts).
/// When one is registered in DI, the budget manager (<see cref="IBudgetManager"/>) reserves, settles and reads through it;
/// without one, the manager keeps its counters in process (the default). Any exception other than
/// <see cref="OperationCanceledException"/> means "store unavailable": the manager then follows <see cref="FailOpen"/>.
/// </summary>
/// <remarks>
/// The manager computes the levels (names, limits and UTC period starts, see <see cref="Usage.UsagePeriods"/>); the store
/// only counts. Implementations are thread-safe, and <see cref="ReserveAsync"/> is atomic across every level, so the sum of
/// reserved and settled amounts never exceeds a limit, however many callers (or instances) reserve at once.
/// </remarks>
public interface IBudgetStore
{
    /// <summary>
    /// Gets a value indicating whether paid calls fall back to the in-process counters while the store is unavailable
    /// (<see langword="true"/>) or are refused (<see langword="false"/>, fail closed). Free calls (worst case 0) never need the store.
    /// </summary>
    bool FailOpen { get; }

    /// <summary>Atomically reserves <paramref name="amount"/> against every level, or against none when any level would be exceeded.</summary>
    /// <param name="reservationId">A unique id; reserving the same id twice is a no-op.</param>
    /// <param name="levels">The levels, in the order the budget manager checks them.</param>
    /// <param name="amount">The worst case in USD (positive).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The outcome.</returns>
    ValueTask<BudgetStoreOutcome> ReserveAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal amount, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the reservation with the actual cost, exactly once per id (a repeat, for example after a reconnect, is a no-op).
    /// When the store is unavailable the implementation keeps the settle and applies it once the store is back.
    /// </summary>
    /// <param name="reservationId">The reservation id.</param>
    /// <param name="levels">The levels reserved against.</param>
    /// <param name="actual">The actual cost in USD (0 on release).</param>
    /// <returns>The settled spend of each level after this settle, or <see langword="null"/> when deferred or already settled.</returns>
    IReadOnlyList<decimal>? Settle(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual);

    /// <summary>Reads the spend and reservations of the levels. Throws when the store is unavailable.</summary>
    /// <param name="levels">The levels.</param>
    /// <returns>One entry per level.</returns>
    IReadOnlyList<BudgetLevelUsage> Read(IReadOnlyList<BudgetLevel> levels);

    /// <summary>
    /// The asynchronous <see cref="Settle"/>, which the router awaits after every paid call: a store that makes a network
    /// round trip (Redis) implements it without blocking a thread. The default implementation calls <see cref="Settle"/>.
    /// </summary>
    /// <param name="reservationId">The reservation id.</param>
    /// <param name="levels">The levels reserved against.</param>
    /// <param name="actual">The actual cost in USD (0 on release).</param>
    /// <param name="cancellationToken">
    /// The cancellation token. The budget manager passes <see cref="CancellationToken.None"/>: a call that was sent is always
    /// settled, even when its caller gave up. An implementation that is cancelled keeps the settle, as when unavailable.
    /// </param>
    /// <returns>The settled spend of each level after this settle, or <see langword="null"/> when deferred or already settled.</returns>
    ValueTask<IReadOnlyList<decimal>?> SettleAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Settle(reservationId, levels, actual));
    }

    /// <summary>The asynchronous <see cref="Read"/>. The default implementation calls <see cref="Read"/>.</summary>
    /// <param name="levels">The levels.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One entry per level.</returns>
    ValueTask<IReadOnlyList<BudgetLevelUsage>> ReadAsync(IReadOnlyList<BudgetLevel> levels, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Read(levels));
    }
}
