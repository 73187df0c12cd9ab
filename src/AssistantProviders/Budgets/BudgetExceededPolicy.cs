// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>What the router does when a call would exceed a spending limit.</summary>
public enum BudgetExceededPolicy
{
    /// <summary>Fail the call with <see cref="BudgetExceededException"/> before any byte is sent.</summary>
    Throw = 0,

    /// <summary>Skip candidates the budget cannot afford and route to a cheaper one that fits; fail when none does.</summary>
    FallbackToCheaper,

    /// <summary>Route only to local (free) providers once the budget cannot afford a cloud call.</summary>
    LocalOnly,
}
