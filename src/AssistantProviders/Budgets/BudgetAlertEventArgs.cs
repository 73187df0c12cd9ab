// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>Raised once per budget, period and threshold when settled spend reaches the threshold.</summary>
public sealed class BudgetAlertEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="BudgetAlertEventArgs"/> class.</summary>
    /// <param name="status">The budget's state when the threshold was reached.</param>
    /// <param name="threshold">The threshold reached (0 to 1).</param>
    public BudgetAlertEventArgs(BudgetStatus status, double threshold)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
        Threshold = threshold;
    }

    /// <summary>Gets the budget's state.</summary>
    public BudgetStatus Status { get; }

    /// <summary>Gets the threshold reached (for example 0.8).</summary>
    public double Threshold { get; }

    /// <summary>Gets the budget name.</summary>
    public string BudgetName => Status.Name;
}
