// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// What <see cref="RequestAccounting"/> logs and counts: the unpriced warning once per model (up to its cap), the unpriced
/// counter with its tags on every reserve and settle (never on an estimate), and the settled debug line.
/// </summary>
public sealed class RequestAccountingLogTests
{
    private const string MysteryWarning = "Model 'test/Mystery' has no price in the catalog: its cost is reported as unknown. Add it under AssistantProviders:Catalog:Providers:test:Models.";

    [Fact]
    public async Task An_unpriced_model_is_counted_on_reserve_and_settle_with_its_tags_and_warned_once_ignoring_case()
    {
        using var f = new RequestAccountingFixture();
        var usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 };

        var cost = await f.SettleAsync("test", "Mystery", new AccountingResult { Usage = usage });
        await f.SettleAsync("TEST", "mystery", new AccountingResult { Usage = usage });

        cost.Confidence.ShouldBe(CostConfidence.Unknown);
        cost.Total.ShouldBeNull();
        f.Messages(2000).ShouldBe([MysteryWarning]);
        f.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2000).Level.ShouldBe(LogLevel.Warning);
        f.Unpriced.ShouldBe([(1L, (object?)"test", (object?)"Mystery", 2), (1L, "test", "Mystery", 2), (1L, "TEST", "mystery", 2), (1L, "TEST", "mystery", 2)]);
    }

    [Fact]
    public async Task Reserving_an_unpriced_model_counts_it_once()
    {
        using var f = new RequestAccountingFixture();

        await f.BeginAsync("test", "Mystery");

        f.Unpriced.ShouldBe([(1L, (object?)"test", (object?)"Mystery", 2)]);
        f.Messages(2000).ShouldBe([MysteryWarning]);
    }

    [Fact]
    public void Estimating_an_unpriced_model_warns_but_does_not_count_a_call()
    {
        using var f = new RequestAccountingFixture();

        f.Accounting.EstimateCost("test", "Mystery", 10, 10).ShouldBeNull();

        f.Messages(2000).ShouldBe([MysteryWarning]);
        f.Unpriced.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_priced_model_whose_usage_has_no_price_is_counted_at_settle()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "stt-model", new AccountingResult(), "stt");

        cost.Confidence.ShouldBe(CostConfidence.Unknown);
        cost.Total.ShouldBeNull();
        f.Unpriced.ShouldBe([(1L, (object?)"test", (object?)"stt-model", 2)]);
        f.Messages(2000).ShouldBe(["Model 'test/stt-model' has no price in the catalog: its cost is reported as unknown. Add it under AssistantProviders:Catalog:Providers:test:Models."]);
    }

    [Fact]
    public async Task An_unpriced_served_model_is_counted_under_the_served_id()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("twins", "gamma");

        f.Accounting.Settle(ticket, new AccountingResult { ResponseModelId = "delta", Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 } });

        f.Unpriced.ShouldBe([(1L, (object?)"twins", (object?)"gamma", 2), (1L, "twins", "delta", 2)]);
        f.Messages(2000).Count.ShouldBe(2);
    }

    [Fact]
    public void At_most_10000_unpriced_models_are_warned_about()
    {
        using var f = new RequestAccountingFixture();
        for (var i = 0; i < 10_000; i++)
        {
            f.Accounting.EstimateCost("test", "unpriced-" + i, 1, 1);
        }

        f.Accounting.EstimateCost("test", "unpriced-10000", 1, 1);

        var warnings = f.Messages(2000);
        warnings.Count.ShouldBe(10_000);
        warnings[^1].ShouldBe("Model 'test/unpriced-9999' has no price in the catalog: its cost is reported as unknown. Add it under AssistantProviders:Catalog:Providers:test:Models.");
    }

    [Fact]
    public async Task A_settled_call_is_logged_at_debug_with_reserved_and_actual_cost()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("test", "chat-model", "chat", estimatedInput: 0, maxOutput: 1000);

        f.Accounting.Settle(ticket, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } });

        f.Messages(2012).ShouldBe(["Settled 'test/chat-model': reserved 0.008 USD, actual 2.00 USD (Exact)."]);
        f.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2012).Level.ShouldBe(LogLevel.Debug);
    }
}
