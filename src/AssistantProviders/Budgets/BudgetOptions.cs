// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>
/// Spending limits, bound from <c>AssistantProviders:Budgets</c>. Budgets nest: a call must fit the global budget, its
/// tenant's budget, its provider's budget and its model's budget, each in its own daily and monthly period (UTC).
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>Gets or sets the budget over every call.</summary>
    public BudgetLimitOptions? Global { get; set; }

    /// <summary>Gets the budgets per provider id (for example <c>openai</c>). <c>ProviderClientOptions.MonthlyBudgetUsd</c> adds a monthly one; the lower wins.</summary>
    public Dictionary<string, BudgetLimitOptions> Providers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the budgets per tenant key (the <c>tenant</c> request property). The key <c>*</c> gives every other tenant its own budget of that size.</summary>
    public Dictionary<string, BudgetLimitOptions> Tenants { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the budgets per model, keyed <c>provider/model</c> (for example <c>openai/gpt-4.1</c>).</summary>
    public Dictionary<string, BudgetLimitOptions> Models { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets what happens when a call would exceed a budget. Default <see cref="BudgetExceededPolicy.Throw"/>.</summary>
    public BudgetExceededPolicy OnExceeded { get; set; }

    /// <summary>
    /// Gets or sets the fractions of a limit (0 to 1) at which <see cref="IBudgetManager.ThresholdReached"/> is raised and a
    /// warning logged, once per budget and period. <see langword="null"/> means <c>[0.8]</c>.
    /// </summary>
#pragma warning disable CA1819 // Bound from configuration: an array replaces the default instead of appending to it.
    public double[]? AlertThresholds { get; set; }
#pragma warning restore CA1819
}
