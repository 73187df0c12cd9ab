// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;

namespace AssistantProviders.Accounting;

/// <summary>What <see cref="RequestAccounting"/> keeps in a ticket: the budget reservation and, once done, the cost.</summary>
internal sealed class AccountingState
{
    public AccountingState(BudgetReservation reservation)
    {
        Reservation = reservation;
    }

    public BudgetReservation Reservation { get; }

    public CostDetails? Cost { get; set; }
}
