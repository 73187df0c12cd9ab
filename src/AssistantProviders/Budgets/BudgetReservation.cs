// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>The worst case held against each budget counter of one call, until settled or released (exactly once).</summary>
internal sealed class BudgetReservation
{
    public BudgetReservation(IReadOnlyList<BudgetCounter> counters, decimal amount)
    {
        Counters = counters;
        Amount = amount;
        Levels = [];
    }

    /// <summary>Initializes a reservation held in a shared <see cref="IBudgetStore"/>.</summary>
    public BudgetReservation(string id, IReadOnlyList<BudgetLevel> levels, decimal amount)
    {
        Counters = [];
        Id = id;
        Levels = levels;
        Amount = amount;
        InStore = true;
    }

    /// <summary>Gets the id of a reservation held in the shared store (settles are idempotent by id), else <see langword="null"/>.</summary>
    public string? Id { get; }

    /// <summary>Gets the levels reserved against in the shared store (empty for in-process reservations).</summary>
    public IReadOnlyList<BudgetLevel> Levels { get; }

    /// <summary>Gets a value indicating whether the reservation is held in the shared store.</summary>
    public bool InStore { get; }

    public IReadOnlyList<BudgetCounter> Counters { get; }

    public decimal Amount { get; }

    /// <summary>Set to 1 once settled or released.</summary>
    public int Completed;
}
