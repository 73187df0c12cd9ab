// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cost;

/// <summary>The worst case held against each budget counter of one call, until settled or released (exactly once).</summary>
internal sealed class BudgetReservation
{
    public BudgetReservation(IReadOnlyList<BudgetCounter> counters, decimal amount)
    {
        Counters = counters;
        Amount = amount;
    }

    public IReadOnlyList<BudgetCounter> Counters { get; }

    public decimal Amount { get; }

    /// <summary>Set to 1 once settled or released.</summary>
    public int Completed;
}
