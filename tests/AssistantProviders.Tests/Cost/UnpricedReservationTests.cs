// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using AssistantProviders.Budgets;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Cost;

/// <summary>An unpriced model (a deployment alias) reserves a conservative worst case and settles at the served model's price.</summary>
public sealed class UnpricedReservationTests
{
    [Fact]
    public async Task Unpriced_model_reserves_the_worst_case_of_the_providers_most_expensive_priced_model()
    {
        using var h = new AccountingHarness();

        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("test", "my-deployment", "chat", null, 1_000_000, 1_000), CancellationToken.None);

        // chat-model: 1M × 2.00 + 1000 × 8.00 / 1M is the most expensive worst case of provider "test".
        ticket.ReservedUsd.ShouldBe(2.008m);
    }

    [Fact]
    public async Task Configured_UnpricedReservationUsd_is_reserved_instead()
    {
        using var h = new AccountingHarness(options: new CostOptions { UnpricedReservationUsd = 0.25m });

        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("test", "my-deployment", "chat", null, 1_000_000, 1_000), CancellationToken.None);

        ticket.ReservedUsd.ShouldBe(0.25m);
    }

    [Fact]
    public async Task A_provider_without_any_priced_model_reserves_nothing()
    {
        using var h = new AccountingHarness();

        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("nobody", "x", "chat", null, 1_000_000, 1_000), CancellationToken.None);

        ticket.ReservedUsd.ShouldBe(0m);
    }

    [Fact]
    public async Task Unpriced_alias_settles_at_the_served_models_price()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "my-deployment", new AccountingResult { ResponseModelId = "think-model", Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } }, estimatedInput: 1_000_000, maxOutput: 10);

        cost.Total.ShouldBe(1.00m);
        cost.PricedModelId.ShouldBe("think-model");
    }

    [Fact]
    public async Task Fifty_concurrent_unpriced_calls_never_overspend_the_daily_budget()
    {
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 0.01m } });
        var request = new AccountingRequest("test", "my-deployment", "chat", null, 2_000, 100);

        var tickets = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                return await h.Accounting.BeginAsync(request, CancellationToken.None);
            }
            catch (BudgetExceededException)
            {
                return null;
            }
        }));
        var spent = 0m;
        foreach (var ticket in tickets.OfType<AccountingTicket>())
        {
            // The vendor answers the alias as its priced chat-model (2.00 in, 8.00 out per 1M).
            spent += h.Accounting.Settle(ticket, new AccountingResult { ResponseModelId = "chat-model", Usage = new UsageDetails { InputTokenCount = 2_000, OutputTokenCount = 100 } }).Total!.Value;
        }

        tickets.Count(t => t is not null).ShouldBeGreaterThan(0);
        tickets.Count(t => t is not null).ShouldBeLessThan(50);
        spent.ShouldBeLessThanOrEqualTo(0.01m);
    }

    [Fact]
    public void Negative_UnpricedReservationUsd_fails_validation()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var result = new PriceCatalogStartupValidator(services).Validate(null, new CostOptions { UnpricedReservationUsd = -1m });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("UnpricedReservationUsd");
    }
}
