// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>What a shared budget store holds for one level: settled spend and the worst case reserved by calls in flight.</summary>
/// <param name="Spent">The settled spend in USD.</param>
/// <param name="Reserved">The reserved worst case in USD.</param>
public readonly record struct BudgetLevelUsage(decimal Spent, decimal Reserved);
