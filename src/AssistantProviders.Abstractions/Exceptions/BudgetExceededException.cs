// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>A call would exceed a spending limit. Thrown before any byte is sent when the budget's policy is <c>Throw</c>.</summary>
public sealed class BudgetExceededException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="BudgetExceededException"/> class.</summary>
    public BudgetExceededException()
    {
        Kind = ProviderErrorKind.BudgetExceeded;
    }

    /// <summary>Initializes a new instance of the <see cref="BudgetExceededException"/> class.</summary>
    /// <param name="message">The error message.</param>
    public BudgetExceededException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.BudgetExceeded;
    }

    /// <summary>Initializes a new instance of the <see cref="BudgetExceededException"/> class.</summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The underlying error.</param>
    public BudgetExceededException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.BudgetExceeded;
    }

    /// <summary>Initializes a new instance of the <see cref="BudgetExceededException"/> class for a named budget.</summary>
    /// <param name="budgetName">The budget that would be exceeded (for example <c>global/month</c>).</param>
    /// <param name="limit">The budget's limit.</param>
    /// <param name="spent">What was spent or reserved in the current period.</param>
    /// <param name="requested">The worst-case cost the call asked to reserve.</param>
    public BudgetExceededException(string budgetName, decimal limit, decimal spent, decimal requested)
        : base($"Budget '{budgetName}' would be exceeded: limit {limit:0.######} USD, spent or reserved {spent:0.######} USD, this call needs up to {requested:0.######} USD.")
    {
        Kind = ProviderErrorKind.BudgetExceeded;
        BudgetName = budgetName;
        Limit = limit;
        Spent = spent;
        Requested = requested;
    }

    /// <summary>Gets the budget that would be exceeded.</summary>
    public string? BudgetName { get; }

    /// <summary>Gets the budget's limit in USD.</summary>
    public decimal Limit { get; }

    /// <summary>Gets the amount spent or reserved in the current period, in USD.</summary>
    public decimal Spent { get; }

    /// <summary>Gets the worst-case cost the call asked to reserve, in USD.</summary>
    public decimal Requested { get; }
}
