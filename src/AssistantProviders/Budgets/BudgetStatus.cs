// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;

namespace AssistantProviders.Budgets;

/// <summary>The state of one budget in its current period.</summary>
public sealed class BudgetStatus
{
    /// <summary>Gets the budget name, for example <c>global/monthly</c> or <c>provider:openai/daily</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the period the budget resets on.</summary>
    public UsagePeriod Period { get; init; }

    /// <summary>Gets the limit in USD.</summary>
    public decimal Limit { get; init; }

    /// <summary>Gets the settled spend of the current period in USD.</summary>
    public decimal Spent { get; init; }

    /// <summary>Gets the worst-case amount reserved by calls in flight, in USD.</summary>
    public decimal Reserved { get; init; }

    /// <summary>Gets what is left: limit − spent − reserved (never negative).</summary>
    public decimal Remaining => Math.Max(0m, Limit - Spent - Reserved);

    /// <summary>Gets the start of the current period.</summary>
    public DateTimeOffset PeriodStart { get; init; }

    /// <summary>Gets the time the budget resets.</summary>
    public DateTimeOffset ResetsAt { get; init; }
}
