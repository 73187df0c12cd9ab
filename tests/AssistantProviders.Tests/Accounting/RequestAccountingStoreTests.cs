// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Budgets;
using AssistantProviders.Tests.Budgets;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// Settling and releasing through a shared budget store that answers asynchronously (as Redis does): the accounting awaits
/// the store's asynchronous settle (never the blocking one), and the ledger is recorded once the spend is in the store.
/// </summary>
public sealed class RequestAccountingStoreTests
{
    private static BudgetOptions Daily(decimal limit) => new() { Global = new BudgetLimitOptions { Daily = limit } };

    [Fact]
    public async Task A_settle_awaits_the_store_and_returns_the_cost_it_settled()
    {
        var store = new ScriptedBudgetStore(failOpen: false) { Yields = true };
        using var f = new RequestAccountingFixture(budgets: Daily(10m), store: store);
        var ticket = await f.BeginAsync("test", "chat-model", estimatedInput: 1000, maxOutput: 500);
        ticket.ReservedUsd.ShouldBe(0.006m);

        var cost = await f.Accounting.SettleAsync(ticket, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 250 } });

        cost.Total.ShouldBe(0.004m);
        store.AsyncSettles.ShouldBe(1);
        store.Settles.ShouldBe(1, "only through the asynchronous settle");
        var status = (await f.Budgets.GetStatusAsync()).ShouldHaveSingleItem();
        status.Spent.ShouldBe(0.004m);
        status.Reserved.ShouldBe(0m);
        f.Records.ShouldHaveSingleItem().Cost.ShouldBe(0.004m);

        (await f.Accounting.SettleAsync(ticket, new AccountingResult())).Total.ShouldBe(0.004m, "a second settle returns the first cost");
        store.AsyncSettles.ShouldBe(1);
    }

    [Fact]
    public async Task A_release_awaits_the_store_and_frees_the_reservation()
    {
        var store = new ScriptedBudgetStore(failOpen: false) { Yields = true };
        using var f = new RequestAccountingFixture(budgets: Daily(10m), store: store);
        var ticket = await f.BeginAsync("test", "chat-model", estimatedInput: 1000, maxOutput: 500);

        (await f.Accounting.ReleaseAsync(ticket, new AccountingResult { Error = ProviderErrorKind.ServerError })).ShouldBeNull();

        store.AsyncSettles.ShouldBe(1);
        var status = (await f.Budgets.GetStatusAsync()).ShouldHaveSingleItem();
        status.Spent.ShouldBe(0m);
        status.Reserved.ShouldBe(0m);
        f.Records.ShouldHaveSingleItem().Error.ShouldBe(ProviderErrorKind.ServerError);
    }
}
