// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Accounting;

/// <summary>A reservation handed out by <see cref="IRequestAccounting.BeginAsync"/>; settle or release it exactly once.</summary>
internal sealed class AccountingTicket
{
    /// <summary>Initializes a new instance of the <see cref="AccountingTicket"/> class.</summary>
    public AccountingTicket(AccountingRequest request, decimal reservedUsd, object? state = null)
    {
        Request = request;
        ReservedUsd = reservedUsd;
        State = state;
    }

    /// <summary>Gets the request.</summary>
    public AccountingRequest Request { get; }

    /// <summary>Gets the amount reserved (worst case), in USD.</summary>
    public decimal ReservedUsd { get; }

    /// <summary>Gets implementation state (the budget levels reserved against).</summary>
    public object? State { get; }

    /// <summary>Set by the implementation once settled or released, to make the second call a no-op.</summary>
    public int Completed;
}
