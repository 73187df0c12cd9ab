// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;

namespace AssistantProviders.Budgets;

/// <summary>One budget level a call is reserved against, in the period it falls in (for example <c>global/daily</c> of 2026-11-25).</summary>
/// <param name="Name">The budget name, for example <c>provider:openai/monthly</c>.</param>
/// <param name="Period">The period the budget resets on.</param>
/// <param name="Limit">The limit in USD.</param>
/// <param name="PeriodStart">The start of the current period (UTC).</param>
public readonly record struct BudgetLevel(string Name, UsagePeriod Period, decimal Limit, DateTimeOffset PeriodStart);
