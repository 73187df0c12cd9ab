// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// What <see cref="RequestAccounting"/> reserves before a call (output only for text generation, the per-request fee only for
/// chat and rerank, one image by default, a minute of compute for time-billed models, the most expensive priced model for an
/// unpriced one) and which catalog entry prices the settled call.
/// </summary>
public sealed class RequestAccountingPricingTests
{
    [Theory]
    [InlineData("embeddings")]
    [InlineData("stt")]
    [InlineData("tts")]
    [InlineData("rerank")]
    [InlineData("image")]
    public async Task Operations_that_generate_no_text_reserve_no_output_tokens(string operation)
    {
        using var f = new RequestAccountingFixture();

        var ticket = await f.BeginAsync("test", "chat-model", operation, estimatedInput: 0, maxOutput: 1000);

        ticket.ReservedUsd.ShouldBe(0m);
    }

    [Fact]
    public async Task A_chat_call_reserves_its_max_output_at_the_output_price()
    {
        using var f = new RequestAccountingFixture();

        var ticket = await f.BeginAsync("test", "chat-model", "chat", estimatedInput: 0, maxOutput: 1000);

        ticket.ReservedUsd.ShouldBe(0.008m); // 1000 × 8.00 / 1M
    }

    [Fact]
    public async Task Without_a_default_the_models_own_max_output_is_reserved_else_4096()
    {
        using var f = new RequestAccountingFixture(new CostOptions { DefaultMaxOutputTokens = null });

        var capped = await f.BeginAsync("test", "chat-model", "chat", estimatedInput: 0, maxOutput: null);
        var open = await f.BeginAsync("test", "open-model", "chat", estimatedInput: 0, maxOutput: null);

        capped.ReservedUsd.ShouldBe(0.008m); // the catalog's maxOutputTokens 1000 × 8.00 / 1M
        open.ReservedUsd.ShouldBe(0.008192m); // 4096 × 2.00 / 1M
    }

    [Theory]
    [InlineData("search-model", "chat", 0.005)]
    [InlineData("search-model", "embeddings", 0)]
    [InlineData("rerank-model", "rerank", 0.002)]
    [InlineData("rerank-model", "image", 0)]
    [InlineData("chat-model", "chat", 0)]
    public async Task The_per_request_fee_is_reserved_for_chat_and_rerank_only(string model, string operation, double fee)
    {
        using var f = new RequestAccountingFixture();

        var ticket = await f.BeginAsync("test", model, operation, estimatedInput: 0, maxOutput: 0);

        ticket.ReservedUsd.ShouldBe((decimal)fee);
    }

    [Fact]
    public void EstimateCost_adds_the_per_request_fee_when_the_model_has_one()
    {
        using var f = new RequestAccountingFixture();

        f.Accounting.EstimateCost("test", "search-model", 1_000_000, 1_000_000).ShouldBe(2.005m);
        f.Accounting.EstimateCost("test", "open-model", 1_000_000, 1_000_000).ShouldBe(3.00m);
    }

    [Fact]
    public async Task An_image_call_reserves_one_image_unless_the_request_says_how_many()
    {
        using var f = new RequestAccountingFixture();

        var single = await f.BeginAsync("test", "image-model", "image");
        var three = await f.Accounting.BeginAsync(new AccountingRequest("test", "image-model", "image", null, 0, null) { Images = 3 }, CancellationToken.None);
        var chat = await f.BeginAsync("test", "image-model", "chat");

        single.ReservedUsd.ShouldBe(0.04m);
        three.ReservedUsd.ShouldBe(0.12m);
        chat.ReservedUsd.ShouldBe(0m);
    }

    [Fact]
    public async Task A_time_billed_model_reserves_a_minute_of_compute()
    {
        using var f = new RequestAccountingFixture();

        var ticket = await f.BeginAsync("test", "gpu-model", "chat");

        ticket.ReservedUsd.ShouldBe(0.06m); // 60 s × 0.001
        f.Accounting.EstimateCost("test", "gpu-model", 0, 0).ShouldBe(0.06m);
        f.Accounting.EstimateCost("test", "open-model", 0, 0).ShouldBe(0m);
    }

    [Fact]
    public async Task Reported_compute_milliseconds_are_billed_per_second()
    {
        using var f = new RequestAccountingFixture();
        var usage = new UsageDetails { AdditionalCounts = new() { [AssistantProviderProperties.ComputeMilliseconds] = 2500 } };

        var cost = await f.SettleAsync("test", "gpu-model", new AccountingResult { Usage = usage });

        cost.Other.ShouldBe(0.0025m); // 2.5 s × 0.001
        cost.Total.ShouldBe(0.0025m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
    }

    [Fact]
    public async Task Among_equally_expensive_models_the_first_is_the_basis_of_an_unpriced_reservation()
    {
        using var f = new RequestAccountingFixture();

        var ticket = await f.BeginAsync("twins", "gamma", "chat", estimatedInput: 1_000_000, maxOutput: 0);

        ticket.ReservedUsd.ShouldBe(1.00m);
        f.Messages(2006).ShouldBe(["Model 'twins/gamma' is unpriced: 1.00 USD is reserved against the budgets for it (the worst case of 'alpha', the provider's most expensive priced model)."]);
        f.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2006).Level.ShouldBe(LogLevel.Debug);
    }

    [Fact]
    public async Task A_provider_whose_priced_models_are_all_free_reserves_nothing_for_an_unpriced_one()
    {
        using var f = new RequestAccountingFixture();

        var ticket = await f.BeginAsync("freebies", "other", "chat", estimatedInput: 1_000_000, maxOutput: 1000);

        ticket.ReservedUsd.ShouldBe(0m);
        f.Messages(2006).ShouldBe(["Model 'freebies/other' is unpriced: 0 USD is reserved against the budgets for it (the provider has no priced model)."]);
    }

    [Fact]
    public async Task A_configured_unpricedReservation_is_named_as_the_basis()
    {
        using var f = new RequestAccountingFixture(new CostOptions { UnpricedReservationUsd = 0.25m });

        var ticket = await f.BeginAsync("test", "mystery", "chat", estimatedInput: 1_000_000, maxOutput: 1000);

        ticket.ReservedUsd.ShouldBe(0.25m);
        f.Messages(2006).ShouldBe(["Model 'test/mystery' is unpriced: 0.25 USD is reserved against the budgets for it (Cost:UnpricedReservationUsd)."]);
    }

    [Fact]
    public async Task ThrowOnUnpricedModel_refuses_with_the_catalog_path_and_logs_an_error()
    {
        using var f = new RequestAccountingFixture(new CostOptions { ThrowOnUnpricedModel = true });

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () => await f.BeginAsync("test", "mystery"));

        ex.Message.ShouldBe("Model 'test/mystery' has no price in the catalog and AssistantProviders:Cost:ThrowOnUnpricedModel is true. Add it under AssistantProviders:Catalog:Providers:test:Models.");
        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        ex.ProviderId.ShouldBe("test");
        ex.ModelId.ShouldBe("mystery");
        f.Messages(2015).ShouldBe(["Model 'test/mystery' has no price in the catalog and Cost:ThrowOnUnpricedModel is set: the call is refused."]);
        f.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2015).Level.ShouldBe(LogLevel.Error);
        f.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_served_model_prices_the_call_before_the_requested_one()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { ResponseModelId = "think-model", Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } });

        cost.Total.ShouldBe(1.00m);
        cost.PricedModelId.ShouldBe("think-model");
    }

    [Fact]
    public async Task An_unpriced_served_model_falls_back_to_the_requested_models_price()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { ResponseModelId = "mystery-2", Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } });

        cost.Total.ShouldBe(2.00m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
        cost.PricedModelId.ShouldBe("chat-model");
    }

    [Fact]
    public async Task A_wildcard_entry_reports_the_served_model_as_the_priced_one()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("local", "llama3:8b", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 5000, OutputTokenCount = 5000 } });

        cost.PricedModelId.ShouldBe("llama3:8b");
        cost.Total.ShouldBe(0m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
    }

    [Fact]
    public async Task Estimated_input_only_tokens_are_marked_estimated()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "embed-model", new AccountingResult(), "embeddings", estimatedInput: 1_000_000);

        cost.Input.ShouldBe(0.02m);
        cost.Output.ShouldBeNull();
        cost.Total.ShouldBe(0.02m);
        cost.Confidence.ShouldBe(CostConfidence.Estimated);
    }

    [Fact]
    public void A_descriptor_is_built_once_per_model_and_unknown_or_blank_ids_find_nothing()
    {
        using var f = new RequestAccountingFixture();

        var first = f.Accounting.FindModel("test", "chat-model");

        first.ShouldNotBeNull();
        first.ModelId.ShouldBe("chat-model");
        f.Accounting.FindModel("test", "chat-model").ShouldBeSameAs(first);
        f.Accounting.FindModel("test", "nope").ShouldBeNull();
        f.Accounting.FindModel(" ", "chat-model").ShouldBeNull();
        f.Accounting.FindModel("test", "").ShouldBeNull();
    }

    [Fact]
    public void At_most_4096_descriptors_are_cached()
    {
        using var f = new RequestAccountingFixture();
        for (var i = 0; i < 4096; i++)
        {
            f.Accounting.FindModel("local", "m-" + i).ShouldNotBeNull();
        }

        var cached = f.Accounting.FindModel("local", "m-0");
        var uncached = f.Accounting.FindModel("local", "m-4096");

        cached.ShouldBeSameAs(f.Accounting.FindModel("local", "m-0"));
        uncached.ShouldNotBeNull();
        uncached.ModelId.ShouldBe("m-4096");
        uncached.ShouldNotBeSameAs(f.Accounting.FindModel("local", "m-4096"));
    }
}
