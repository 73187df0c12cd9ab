// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;

namespace AssistantProviders.Tests.Budgets;

/// <summary>
/// An <see cref="IBudgetStore"/> over the engine's in-memory store that counts calls, records reservation ids, can be made
/// unavailable per operation, and can answer settles with a scripted result (deferred, short, or a forced refusal).
/// </summary>
internal sealed class ScriptedBudgetStore(bool failOpen) : IBudgetStore
{
    private readonly InMemoryBudgetStore _inner = new();

    public bool FailOpen { get; } = failOpen;

    public Exception? ReserveThrows { get; set; }

    public Exception? ReadThrows { get; set; }

    /// <summary>When set, every reserve is admitted without checking (to reach levels the real store would refuse).</summary>
    public bool AdmitEverything { get; set; }

    /// <summary>When set, settles return this instead of the inner store's answer.</summary>
    public Func<IReadOnlyList<decimal>?, IReadOnlyList<decimal>?>? SettleResult { get; set; }

    public List<string> ReservationIds { get; } = [];

    public List<IReadOnlyList<BudgetLevel>> ReservedLevels { get; } = [];

    public int Reads { get; private set; }

    public int Settles { get; private set; }

    public async ValueTask<BudgetStoreOutcome> ReserveAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal amount, CancellationToken cancellationToken)
    {
        ReservationIds.Add(reservationId);
        ReservedLevels.Add(levels);
        if (ReserveThrows is { } error)
        {
            throw error;
        }

        if (AdmitEverything)
        {
            return new BudgetStoreOutcome(true, -1, 0m);
        }

        return await _inner.ReserveAsync(reservationId, levels, amount, cancellationToken);
    }

    public IReadOnlyList<decimal>? Settle(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual)
    {
        Settles++;
        var result = _inner.Settle(reservationId, levels, actual);
        return SettleResult is { } script ? script(result) : result;
    }

    /// <summary>Gets how many settles came through <see cref="SettleAsync"/> (each also counts in <see cref="Settles"/>).</summary>
    public int AsyncSettles { get; private set; }

    /// <summary>Gets how many reads came through <see cref="ReadAsync"/> (each also counts in <see cref="Reads"/>).</summary>
    public int AsyncReads { get; private set; }

    /// <summary>When set, the asynchronous calls complete asynchronously (as a network store does).</summary>
    public bool Yields { get; set; }

    public async ValueTask<IReadOnlyList<decimal>?> SettleAsync(string reservationId, IReadOnlyList<BudgetLevel> levels, decimal actual, CancellationToken cancellationToken)
    {
        AsyncSettles++;
        if (Yields)
        {
            await Task.Yield();
        }

        return Settle(reservationId, levels, actual);
    }

    public async ValueTask<IReadOnlyList<BudgetLevelUsage>> ReadAsync(IReadOnlyList<BudgetLevel> levels, CancellationToken cancellationToken)
    {
        AsyncReads++;
        if (Yields)
        {
            await Task.Yield();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Read(levels);
    }

    public IReadOnlyList<BudgetLevelUsage> Read(IReadOnlyList<BudgetLevel> levels)
    {
        Reads++;
        if (ReadThrows is { } error)
        {
            throw error;
        }

        return _inner.Read(levels);
    }
}
