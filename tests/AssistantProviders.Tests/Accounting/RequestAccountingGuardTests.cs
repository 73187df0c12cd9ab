// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Budgets;
using NSubstitute;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// The arguments <see cref="RequestAccounting"/> refuses, a cancelled reserve that does nothing, and a budget store answering
/// later that does not block the caller.
/// </summary>
public sealed class RequestAccountingGuardTests
{
    [Fact]
    public async Task A_null_request_is_refused()
    {
        using var f = new RequestAccountingFixture();

        var ex = await Should.ThrowAsync<ArgumentNullException>(async () => await f.Accounting.BeginAsync(null!, CancellationToken.None));

        ex.ParamName.ShouldBe("request");
    }

    [Fact]
    public async Task A_cancelled_reserve_throws_before_it_counts_or_warns()
    {
        using var f = new RequestAccountingFixture();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await f.Accounting.BeginAsync(new AccountingRequest("test", "mystery", "chat", null, 0, null), cts.Token));

        f.Unpriced.ShouldBeEmpty();
        f.Messages(2000).ShouldBeEmpty();
    }

    [Fact]
    public async Task Settle_refuses_a_null_ticket_or_result()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("test", "chat-model");

        Should.Throw<ArgumentNullException>(() => f.Accounting.Settle(null!, new AccountingResult())).ParamName.ShouldBe("ticket");
        Should.Throw<ArgumentNullException>(() => f.Accounting.Settle(ticket, null!)).ParamName.ShouldBe("result");
        f.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task Release_refuses_a_null_ticket_or_result()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("test", "chat-model");

        Should.Throw<ArgumentNullException>(() => f.Accounting.Release(null!, new AccountingResult())).ParamName.ShouldBe("ticket");
        Should.Throw<ArgumentNullException>(() => f.Accounting.Release(ticket, null!)).ParamName.ShouldBe("result");
        f.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_budget_store_answering_later_does_not_block_the_caller()
    {
        var answer = new TaskCompletionSource<BudgetStoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = Substitute.For<IBudgetStore>();
#pragma warning disable CA2012 // NSubstitute configures the call here, nothing consumes the ValueTask.
        store.ReserveAsync(default!, default!, default, default).ReturnsForAnyArgs(new ValueTask<BudgetStoreOutcome>(answer.Task));
#pragma warning restore CA2012
        using var f = new RequestAccountingFixture(budgets: new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } }, store: store);

        var pending = f.BeginAsync("test", "chat-model", "chat", estimatedInput: 1_000_000, maxOutput: 0).AsTask();

        pending.IsCompleted.ShouldBeFalse();
        answer.SetResult(new BudgetStoreOutcome(true, -1, 0m));
        var ticket = await pending;
        ticket.ReservedUsd.ShouldBe(2.00m);
    }
}
