// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>The answer of <see cref="IBudgetStore.ReserveAsync"/>.</summary>
/// <param name="Reserved"><see langword="true"/> when the amount was reserved against every level (or the id was already reserved).</param>
/// <param name="RefusedLevel">When refused: the index of the first level that would be exceeded.</param>
/// <param name="Used">When refused: that level's spent plus reserved amount, in USD.</param>
public readonly record struct BudgetStoreOutcome(bool Reserved, int RefusedLevel, decimal Used);
