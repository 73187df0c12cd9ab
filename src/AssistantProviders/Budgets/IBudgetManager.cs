// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Budgets;

/// <summary>
/// Spending limits. The router reserves each call's worst case before sending it and settles to the actual cost after, so
/// concurrent calls never overspend. Router filters read <see cref="OnExceeded"/> and <see cref="CanAfford"/>.
/// </summary>
public interface IBudgetManager
{
    /// <summary>Raised when settled spend reaches an alert threshold (once per budget, period and threshold). Handlers run on the settling thread.</summary>
    event EventHandler<BudgetAlertEventArgs>? ThresholdReached;

    /// <summary>Gets what happens when a call would exceed a budget.</summary>
    BudgetExceededPolicy OnExceeded { get; }

    /// <summary>Gets a value indicating whether any budget is configured.</summary>
    bool HasBudgets { get; }

    /// <summary>Tells whether a call of this worst-case cost fits every budget that applies, without reserving it.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="worstCaseUsd">The call's worst-case cost in USD (0 always fits).</param>
    /// <param name="tenant">The tenant key, if any.</param>
    /// <returns><see langword="true"/> when the call fits.</returns>
    bool CanAfford(string providerId, string modelId, decimal worstCaseUsd, string? tenant = null);

    /// <summary>Gets the state of every configured budget in its current period (tenant budgets: the tenants seen so far).</summary>
    /// <returns>The budgets.</returns>
    IReadOnlyList<BudgetStatus> GetStatus();

    /// <summary>
    /// Gets the state of every configured budget in its current period, reading a shared store (Redis) without blocking a
    /// thread. The default implementation calls <see cref="GetStatus"/>.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The budgets.</returns>
    ValueTask<IReadOnlyList<BudgetStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(GetStatus());
    }
}
