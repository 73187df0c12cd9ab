// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Budgets;

namespace AssistantProviders;

/// <summary>
/// Synchronous settle and release for tests that drive the budget manager and the accounting directly (linked into the
/// Redis and Sqlite test projects). Each waits for the real <c>SettleAsync</c>/<c>ReleaseAsync</c>; an in-process or
/// file-backed store completes synchronously, Redis completes on its own I/O thread.
/// </summary>
internal static class SettleTestExtensions
{
    public static void Settle(this BudgetManager budgets, BudgetReservation reservation, decimal actual) =>
        Wait(budgets.SettleAsync(reservation, actual));

    public static void Release(this BudgetManager budgets, BudgetReservation reservation) =>
        Wait(budgets.ReleaseAsync(reservation));

    public static CostDetails Settle(this IRequestAccounting accounting, AccountingTicket ticket, AccountingResult result) =>
        Wait(accounting.SettleAsync(ticket, result));

    public static CostDetails? Release(this IRequestAccounting accounting, AccountingTicket ticket, AccountingResult result) =>
        Wait(accounting.ReleaseAsync(ticket, result));

    private static void Wait(ValueTask pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult();
            return;
        }

        pending.AsTask().GetAwaiter().GetResult();
    }

    private static T Wait<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
