// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;

namespace AssistantProviders.Budgets;

/// <summary>One budget in one period. Guarded by the budget manager's lock.</summary>
internal sealed class BudgetCounter
{
    public BudgetCounter(string name, UsagePeriod period, DateTimeOffset periodStart, decimal limit)
    {
        Name = name;
        Period = period;
        PeriodStart = periodStart;
        Limit = limit;
    }

    public string Name { get; }

    public UsagePeriod Period { get; }

    public DateTimeOffset PeriodStart { get; }

    public decimal Limit { get; }

    public decimal Spent { get; set; }

    public decimal Reserved { get; set; }

    public HashSet<double> FiredThresholds { get; } = [];

    public BudgetStatus ToStatus() => new()
    {
        Name = Name,
        Period = Period,
        Limit = Limit,
        Spent = Spent,
        Reserved = Reserved,
        PeriodStart = PeriodStart,
        ResetsAt = UsagePeriods.Next(Period, PeriodStart),
    };
}
