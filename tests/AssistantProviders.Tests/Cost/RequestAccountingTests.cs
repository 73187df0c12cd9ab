// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using AssistantProviders.Budgets;

namespace AssistantProviders.Tests.Cost;

public sealed class RequestAccountingTests
{
    [Fact]
    public async Task Tokens_are_priced_per_million()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 500_000 } });

        cost.Input.ShouldBe(2.00m);
        cost.Output.ShouldBe(4.00m);
        cost.Total.ShouldBe(6.00m);
        cost.Currency.ShouldBe("USD");
        cost.Confidence.ShouldBe(CostConfidence.Exact);
        cost.PricedModelId.ShouldBe("chat-model");
    }

    [Fact]
    public async Task Cached_tokens_are_part_of_input_and_billed_at_the_cached_price()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000, CachedInputTokenCount = 400_000, OutputTokenCount = 0 } });

        cost.Input.ShouldBe(1.20m); // 600K uncached × 2.00
        cost.CachedRead.ShouldBe(0.20m); // 400K × 0.50
        cost.Total.ShouldBe(1.40m);
    }

    [Fact]
    public async Task Cache_write_tokens_from_additional_counts_are_billed_at_the_cache_write_price()
    {
        using var h = new AccountingHarness();
        var usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0, AdditionalCounts = new() { ["CacheCreationInputTokens"] = 200_000 } };

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { Usage = usage });

        cost.CacheWrite.ShouldBe(0.50m); // 200K × 2.50
        cost.Input.ShouldBe(1.60m); // 800K × 2.00
        cost.Total.ShouldBe(2.10m);
    }

    [Fact]
    public async Task Vendor_native_counts_where_cache_exceeds_input_bill_input_as_uncached()
    {
        using var h = new AccountingHarness();
        var usage = new UsageDetails { InputTokenCount = 100, CachedInputTokenCount = 1_000_000, OutputTokenCount = 0 };

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { Usage = usage });

        cost.Input.ShouldBe(100 * 2.00m / 1_000_000m);
        cost.CachedRead.ShouldBe(0.50m);
        h.Logger.Collector.GetSnapshot().ShouldContain(r => r.Id.Id == 2013);
    }

    [Fact]
    public async Task Reasoning_tokens_are_split_out_of_output_at_the_reasoning_price()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "think-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 1_000_000, ReasoningTokenCount = 250_000 } });

        cost.Output.ShouldBe(3.00m); // 750K × 4
        cost.Reasoning.ShouldBe(1.50m); // 250K × 6
        cost.Total.ShouldBe(4.50m);
    }

    [Fact]
    public async Task Reasoning_without_its_own_price_uses_the_output_price()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 1_000_000, ReasoningTokenCount = 500_000 } });

        cost.Output.ShouldBe(4.00m);
        cost.Reasoning.ShouldBe(4.00m);
        cost.Total.ShouldBe(8.00m);
    }

    [Fact]
    public async Task Audio_tokens_are_billed_at_audio_prices()
    {
        using var h = new AccountingHarness();
        var usage = new UsageDetails { InputTokenCount = 1_000_000, InputAudioTokenCount = 500_000, OutputTokenCount = 1_000_000, OutputAudioTokenCount = 500_000 };

        var cost = await h.RunAsync("test", "audio-model", new AccountingResult { Usage = usage });

        cost.Input.ShouldBe(0.50m);
        cost.Output.ShouldBe(1.00m);
        cost.Audio.ShouldBe(15.00m); // 500K × 10 + 500K × 20
        cost.Total.ShouldBe(16.50m);
    }

    [Fact]
    public async Task Speech_to_text_is_priced_per_audio_minute()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "stt-model", new AccountingResult { AudioMinutes = 10 }, operation: "stt");

        cost.Audio.ShouldBe(0.06m);
        cost.Total.ShouldBe(0.06m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
    }

    [Fact]
    public async Task Speech_to_text_without_a_duration_is_unknown_not_zero()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "stt-model", new AccountingResult(), operation: "stt");

        cost.Confidence.ShouldBe(CostConfidence.Unknown);
        cost.Total.ShouldBeNull();
    }

    [Fact]
    public async Task Text_to_speech_is_priced_per_thousand_characters()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "tts-model", new AccountingResult { Characters = 2_500 }, operation: "tts");

        cost.Audio.ShouldBe(0.0375m);
        cost.Total.ShouldBe(0.0375m);
    }

    [Fact]
    public async Task Images_are_priced_per_image()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "image-model", new AccountingResult { Images = 3 }, operation: "image");

        cost.Other.ShouldBe(0.12m);
        cost.Total.ShouldBe(0.12m);
    }

    [Fact]
    public async Task Search_models_add_a_per_request_fee_to_tokens()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "search-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 1_000_000 } });

        cost.Other.ShouldBe(0.005m);
        cost.Total.ShouldBe(2.005m);
    }

    [Fact]
    public async Task Rerank_is_priced_per_search_unit()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "rerank-model", new AccountingResult { Requests = 3 }, operation: "rerank");

        cost.Other.ShouldBe(0.006m);
        cost.Total.ShouldBe(0.006m);
    }

    [Fact]
    public async Task Embeddings_reporting_only_total_tokens_bill_them_as_input()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "embed-model", new AccountingResult { Usage = new UsageDetails { TotalTokenCount = 1_000_000 } }, operation: "embeddings");

        cost.Input.ShouldBe(0.02m);
        cost.Total.ShouldBe(0.02m);
    }

    [Fact]
    public async Task Local_models_cost_zero_exactly()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("local", "llama3:8b", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 5000, OutputTokenCount = 5000 } });

        cost.Total.ShouldBe(0m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
    }

    [Fact]
    public async Task Dated_response_model_is_priced_under_its_alias()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { ResponseModelId = "chat-model-2025-04-14", Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } });

        cost.Total.ShouldBe(2.00m);
        cost.PricedModelId.ShouldBe("chat-model");
    }

    [Fact]
    public async Task Missing_usage_falls_back_to_estimates_marked_estimated()
    {
        using var h = new AccountingHarness();

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { EstimatedOutputTokens = 500_000 }, estimatedInput: 1_000_000);

        cost.Confidence.ShouldBe(CostConfidence.Estimated);
        cost.Input.ShouldBe(2.00m);
        cost.Output.ShouldBe(4.00m);
        cost.Total.ShouldBe(6.00m);
    }

    [Fact]
    public void Token_estimate_uses_chars_over_four_without_tokenizer()
    {
        var estimator = new TokenEstimator(useTokenizer: false);

        var tokens = estimator.CountMessages([new ChatMessage(ChatRole.User, new string('a', 400)), new ChatMessage(ChatRole.Assistant, "abc")]);

        tokens.ShouldBe(100 + 1 + (2 * TokenEstimator.PerMessageOverhead));
    }

    [Fact]
    public void Token_estimate_with_tokenizer_counts_real_tokens_or_falls_back()
    {
        var estimator = new TokenEstimator();

        var tokens = estimator.CountText("Hello, world! This is a test of the tokenizer.");

        tokens.ShouldBeGreaterThan(0);
        tokens.ShouldBeLessThan(47);
        if (estimator.UsesTokenizer)
        {
            estimator.CountText("hello").ShouldBe(1);
        }
    }

    [Fact]
    public async Task Negative_and_absurd_usage_is_clamped_and_logged_never_a_negative_cost()
    {
        using var h = new AccountingHarness(options: new CostOptions { MaxPlausibleTokens = 2_000_000 });

        var cost = await h.RunAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = -500, OutputTokenCount = 999_999_999_999 } });

        cost.Input.ShouldBeNull();
        cost.Output.ShouldBe(16.00m); // clamped to 2M × 8
        cost.Total!.Value.ShouldBeGreaterThanOrEqualTo(0m);
        h.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 2001).ShouldBe(2);
    }

    [Fact]
    public async Task Unpriced_model_is_unknown_warns_once_and_counts_every_call()
    {
        using var h = new AccountingHarness();
        using var counter = new MetricCollector<long>(h.MeterFactory, CostMetrics.MeterName, CostMetrics.UnpricedCounterName);

        var first = await h.RunAsync("test", "mystery", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 } });
        var second = await h.RunAsync("test", "mystery", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 } });

        first.Confidence.ShouldBe(CostConfidence.Unknown);
        first.Total.ShouldBeNull();
        second.Total.ShouldBeNull();
        h.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 2000 && r.Level == LogLevel.Warning).ShouldBe(1);
        counter.GetMeasurementSnapshot().Sum(m => m.Value).ShouldBeGreaterThanOrEqualTo(2);
        h.Accounting.EstimateCost("test", "mystery", 10, 10).ShouldBeNull();
    }

    [Fact]
    public async Task ThrowOnUnpricedModel_refuses_the_call_before_sending()
    {
        using var h = new AccountingHarness(options: new CostOptions { ThrowOnUnpricedModel = true });

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
            await h.Accounting.BeginAsync(new AccountingRequest("test", "mystery", "chat", null, 10, null), CancellationToken.None));

        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        ex.ModelId.ShouldBe("mystery");
    }

    [Fact]
    public async Task Failed_attempt_costs_nothing_and_releases_the_reservation()
    {
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } });
        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 1000, 1000), CancellationToken.None);
        h.Budgets.GetStatus().Single().Reserved.ShouldBeGreaterThan(0m);

        var cost = h.Accounting.Release(ticket, new AccountingResult { Error = ProviderErrorKind.ServerError });

        cost.ShouldBeNull();
        var status = h.Budgets.GetStatus().Single();
        status.Reserved.ShouldBe(0m);
        status.Spent.ShouldBe(0m);
        var row = h.Ledger.Snapshot().Rows.Single();
        row.Errors.ShouldBe(1);
        row.ErrorsByKind[ProviderErrorKind.ServerError].ShouldBe(1);
        row.Cost.ShouldBe(0m);
    }

    [Fact]
    public async Task Cancelled_attempt_is_released_and_not_counted_as_error()
    {
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } });
        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 1000, 1000), CancellationToken.None);

        h.Accounting.Release(ticket, new AccountingResult()).ShouldBeNull();

        h.Budgets.GetStatus().Single().Reserved.ShouldBe(0m);
        var row = h.Ledger.Snapshot().Rows.Single();
        row.Errors.ShouldBe(0);
        row.Cancelled.ShouldBe(1);
    }

    [Fact]
    public async Task Stream_cut_after_tokens_is_billed_for_what_was_sent()
    {
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } });
        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 500_000, 1000), CancellationToken.None);

        var cost = h.Accounting.Release(ticket, new AccountingResult { Error = ProviderErrorKind.IncompleteStream, Billed = true, EstimatedOutputTokens = 250_000 });

        cost.ShouldNotBeNull();
        cost.Confidence.ShouldBe(CostConfidence.Estimated);
        cost.Total.ShouldBe(1.00m + 2.00m);
        var status = h.Budgets.GetStatus().Single();
        status.Spent.ShouldBe(3.00m);
        status.Reserved.ShouldBe(0m);
        h.Ledger.Snapshot().Rows.Single().Cost.ShouldBe(3.00m);
    }

    [Fact]
    public async Task Settle_twice_is_a_no_op()
    {
        using var h = new AccountingHarness(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m } });
        var ticket = await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 0, 10), CancellationToken.None);
        var result = new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } };

        var first = h.Accounting.Settle(ticket, result);
        var second = h.Accounting.Settle(ticket, result);
        h.Accounting.Release(ticket, new AccountingResult { Error = ProviderErrorKind.ServerError });

        second.ShouldBeSameAs(first);
        h.Budgets.GetStatus().Single().Spent.ShouldBe(2.00m);
        h.Ledger.Snapshot().Rows.Single().Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Worst_case_uses_request_max_output_else_default_capped_by_model_max()
    {
        using var h = new AccountingHarness();

        var withMax = await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 1_000_000, 500_000), CancellationToken.None);
        var withoutMax = await h.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", null, 1_000_000, null), CancellationToken.None);

        withMax.ReservedUsd.ShouldBe(2.00m + 4.00m);
        withoutMax.ReservedUsd.ShouldBe(2.00m + (1000 * 8.00m / 1_000_000m)); // catalog max output 1000 < default 4096
    }

    [Fact]
    public void EstimateCost_and_FindModel_use_the_catalog()
    {
        using var h = new AccountingHarness();

        h.Accounting.EstimateCost("test", "chat-model", 1_000_000, 1_000_000).ShouldBe(10.00m);
        h.Accounting.FindModel("test", "chat-model-20250101")!.ContextWindow.ShouldBe(100000);
    }
}
