// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>The limits of one budget, in USD, each reset at the start of its UTC period.</summary>
public sealed class BudgetLimitOptions
{
    /// <summary>Gets or sets the limit per UTC day, or <see langword="null"/> for none.</summary>
    public decimal? Daily { get; set; }

    /// <summary>Gets or sets the limit per UTC calendar month, or <see langword="null"/> for none.</summary>
    public decimal? Monthly { get; set; }
}
