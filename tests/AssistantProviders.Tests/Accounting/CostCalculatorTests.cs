// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Accounting;

/// <summary>Direct tests of <see cref="CostCalculator"/>: the worst case used for budget reservation, and every fallback price.</summary>
public sealed class CostCalculatorTests
{
    private static CatalogEntry Entry(ModelPricing? pricing, decimal? reasoning = null, decimal? audioIn = null, decimal? audioOut = null) => new()
    {
        ProviderId = "p",
        ModelId = "m",
        Source = "test",
        Pricing = pricing,
        ReasoningPerMillionTokens = reasoning,
        AudioInputPerMillionTokens = audioIn,
        AudioOutputPerMillionTokens = audioOut,
    };

    [Fact]
    public void WorstCase_Unpriced_IsZero() => CostCalculator.WorstCase(Entry(null), 1_000_000, 1_000_000, 5, 5000, 3, 2).ShouldBe(0m);

    [Fact]
    public void WorstCase_Tokens()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 2m, OutputPerMillionTokens = 8m });
        CostCalculator.WorstCase(entry, 500_000, 250_000).ShouldBe(1m + 2m);
    }

    [Fact]
    public void WorstCase_NegativeTokens_CountAsZero()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 2m, OutputPerMillionTokens = 8m });
        CostCalculator.WorstCase(entry, -1_000_000, -1_000_000).ShouldBe(0m);
    }

    [Fact]
    public void WorstCase_OutputAtTheHigherOfOutputAndReasoningPrice()
    {
        var pricing = new ModelPricing { InputPerMillionTokens = 1m, OutputPerMillionTokens = 4m };
        CostCalculator.WorstCase(Entry(pricing, reasoning: 10m), 0, 1_000_000).ShouldBe(10m);
        CostCalculator.WorstCase(Entry(pricing, reasoning: 3m), 0, 1_000_000).ShouldBe(4m);
    }

    [Fact]
    public void WorstCase_ReasoningPriceAlone()
    {
        CostCalculator.WorstCase(Entry(new ModelPricing { InputPerMillionTokens = 1m }, reasoning: 6m), 0, 500_000).ShouldBe(3m);
    }

    [Fact]
    public void WorstCase_AddsEveryNonTokenFee()
    {
        var entry = Entry(new ModelPricing
        {
            InputPerMillionTokens = 1m,
            OutputPerMillionTokens = 2m,
            PerAudioMinute = 0.5m,
            PerThousandCharacters = 0.25m,
            PerImage = 0.04m,
            PerRequest = 0.005m,
        });

        CostCalculator.WorstCase(entry, 1_000_000, 1_000_000, audioMinutes: 2, characters: 4000, images: 3, requests: 2)
            .ShouldBe(1m + 2m + 1m + 1m + 0.12m + 0.01m);
    }

    [Fact]
    public void WorstCase_EachFeeAlone()
    {
        var entry = Entry(new ModelPricing { PerAudioMinute = 0.5m, PerThousandCharacters = 0.25m, PerImage = 0.04m, PerRequest = 0.005m });
        CostCalculator.WorstCase(entry, 0, 0, audioMinutes: 3).ShouldBe(1.5m);
        CostCalculator.WorstCase(entry, 0, 0, characters: 2000).ShouldBe(0.5m);
        CostCalculator.WorstCase(entry, 0, 0, images: 2).ShouldBe(0.08m);
        CostCalculator.WorstCase(entry, 0, 0, requests: 3).ShouldBe(0.015m);
        CostCalculator.WorstCase(entry, 0, 0).ShouldBe(0m);
    }

    [Fact]
    public void WorstCase_QuantitiesWithoutPrices_CostNothing()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 1m });
        CostCalculator.WorstCase(entry, 0, 1_000_000, audioMinutes: 3, characters: 2000, images: 2, requests: 3).ShouldBe(0m);
    }

    [Fact]
    public void Compute_CachedAndCacheWrite_FallBackToTheInputPrice()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 2m, OutputPerMillionTokens = 4m });
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities { InputTokens = 1_000_000, CachedInputTokens = 250_000, CacheWriteTokens = 250_000 }).ShouldNotBeNull();
        cost.Input.ShouldBe(1m);
        cost.CachedRead.ShouldBe(0.5m);
        cost.CacheWrite.ShouldBe(0.5m);
        cost.Total.ShouldBe(2m);
    }

    [Fact]
    public void Compute_CachedAndCacheWrite_UseTheirOwnPrices()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 2m, CachedInputPerMillionTokens = 0.2m, CacheWritePerMillionTokens = 2.5m });
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities { InputTokens = 1_000_000, CachedInputTokens = 500_000, CacheWriteTokens = 200_000 }).ShouldNotBeNull();
        cost.Input.ShouldBe(0.6m);
        cost.CachedRead.ShouldBe(0.1m);
        cost.CacheWrite.ShouldBe(0.5m);
        cost.Total.ShouldBe(1.2m);
    }

    [Fact]
    public void Compute_InputExcludesCache_BillsAllInputAtTheInputPrice()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 2m, CachedInputPerMillionTokens = 1m });
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities { InputTokens = 1_000_000, CachedInputTokens = 1_000_000, InputExcludesCache = true }).ShouldNotBeNull();
        cost.Input.ShouldBe(2m);
        cost.CachedRead.ShouldBe(1m);
        cost.Total.ShouldBe(3m);
    }

    [Fact]
    public void Compute_Reasoning_FallsBackToTheOutputPrice_AndIsSplitOutOfOutput()
    {
        var entry = Entry(new ModelPricing { OutputPerMillionTokens = 4m });
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities { OutputTokens = 1_000_000, ReasoningTokens = 250_000 }).ShouldNotBeNull();
        cost.Output.ShouldBe(3m);
        cost.Reasoning.ShouldBe(1m);
        cost.Total.ShouldBe(4m);
    }

    [Fact]
    public void Compute_Reasoning_AtItsOwnPrice_NeverMoreThanTheOutput()
    {
        var entry = Entry(new ModelPricing { OutputPerMillionTokens = 4m }, reasoning: 8m);
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities { OutputTokens = 500_000, ReasoningTokens = 1_000_000 }).ShouldNotBeNull();
        cost.Output.ShouldBeNull();
        cost.Reasoning.ShouldBe(4m);
    }

    [Fact]
    public void Compute_PartialPricing_BillsWhatHasAPrice()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 2m });
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities { InputTokens = 1_000_000, OutputTokens = 1_000_000 }).ShouldNotBeNull();
        cost.Input.ShouldBe(2m);
        cost.Output.ShouldBeNull();
        cost.Total.ShouldBe(2m);
    }

    [Fact]
    public void Compute_NothingPriced_ButSomethingConsumed_IsUnknown() =>
        CostCalculator.Compute(Entry(new ModelPricing { InputPerMillionTokens = 2m }), "chat", new CostQuantities { OutputTokens = 10 }).ShouldBeNull();

    [Fact]
    public void Compute_NothingConsumed_IsZero() =>
        CostCalculator.Compute(Entry(new ModelPricing { InputPerMillionTokens = 2m }), "chat", new CostQuantities()).ShouldNotBeNull().Total.ShouldBe(0m);

    [Fact]
    public void Compute_Unpriced_IsNull() => CostCalculator.Compute(Entry(null), "chat", new CostQuantities { InputTokens = 1 }).ShouldBeNull();

    [Fact]
    public void Compute_SpeechToText_PerMinute_InsteadOfTokens()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 100m, PerAudioMinute = 0.006m });
        var cost = CostCalculator.Compute(entry, "STT", new CostQuantities { InputTokens = 1_000_000, AudioMinutes = 10 }).ShouldNotBeNull();
        cost.Audio.ShouldBe(0.06m);
        cost.Input.ShouldBeNull();
        cost.Total.ShouldBe(0.06m);
    }

    [Fact]
    public void Compute_SpeechToText_WithoutDuration_OnAPerMinuteModel_IsUnknown() =>
        CostCalculator.Compute(Entry(new ModelPricing { PerAudioMinute = 0.006m }), "stt", new CostQuantities()).ShouldBeNull();

    [Fact]
    public void Compute_TextToSpeech_PerThousandCharacters()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 100m, PerThousandCharacters = 0.015m });
        var cost = CostCalculator.Compute(entry, "tts", new CostQuantities { InputTokens = 1_000_000, Characters = 2000 }).ShouldNotBeNull();
        cost.Audio.ShouldBe(0.03m);
        cost.Input.ShouldBeNull();
    }

    [Fact]
    public void Compute_OtherOperation_PerMinuteOnlyWithoutTokens()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 1m, PerAudioMinute = 0.5m, PerThousandCharacters = 0.25m });
        CostCalculator.Compute(entry, "chat", new CostQuantities { AudioMinutes = 2 }).ShouldNotBeNull().Audio.ShouldBe(1m);
        CostCalculator.Compute(entry, "chat", new CostQuantities { Characters = 4000 }).ShouldNotBeNull().Audio.ShouldBe(1m);
        var withTokens = CostCalculator.Compute(entry, "chat", new CostQuantities { InputTokens = 1_000_000, AudioMinutes = 2 }).ShouldNotBeNull();
        withTokens.Input.ShouldBe(1m);
        withTokens.Audio.ShouldBeNull();
    }

    [Fact]
    public void Compute_AudioTokens_AtAudioPrices()
    {
        var entry = Entry(new ModelPricing { InputPerMillionTokens = 1m, OutputPerMillionTokens = 2m }, audioIn: 10m, audioOut: 20m);
        var cost = CostCalculator.Compute(entry, "chat", new CostQuantities
        {
            InputTokens = 1_000_000, AudioInputTokens = 500_000, OutputTokens = 1_000_000, AudioOutputTokens = 500_000,
        }).ShouldNotBeNull();
        cost.Input.ShouldBe(0.5m);
        cost.Output.ShouldBe(1m);
        cost.Audio.ShouldBe(5m + 10m);
        cost.Total.ShouldBe(16.5m);
    }

    [Fact]
    public void Compute_Images_AndPerRequestFees_GoToOther()
    {
        var entry = Entry(new ModelPricing { PerImage = 0.04m, PerRequest = 0.005m });
        CostCalculator.Compute(entry, "image", new CostQuantities { Images = 2, Requests = 3 }).ShouldNotBeNull().Other.ShouldBe(0.08m + 0.015m);
    }

    [Fact]
    public void Compute_ChatAndRerank_PayOneRequestFeeByDefault_OtherOperationsNone()
    {
        var entry = Entry(new ModelPricing { PerRequest = 0.005m });
        CostCalculator.Compute(entry, "chat", new CostQuantities()).ShouldNotBeNull().Other.ShouldBe(0.005m);
        CostCalculator.Compute(entry, "Rerank", new CostQuantities()).ShouldNotBeNull().Other.ShouldBe(0.005m);
        CostCalculator.Compute(entry, "embeddings", new CostQuantities()).ShouldNotBeNull().Other.ShouldBeNull();
    }

    [Fact]
    public void Compute_ImagesWithoutAPrice_AloneAreUnknown() =>
        CostCalculator.Compute(Entry(new ModelPricing { InputPerMillionTokens = 1m }), "image", new CostQuantities { Images = 1 }).ShouldBeNull();

    [Fact]
    public void Compute_KeepsTheCurrency() =>
        CostCalculator.Compute(Entry(new ModelPricing { InputPerMillionTokens = 1m, Currency = "EUR" }), "chat", new CostQuantities { InputTokens = 1 }).ShouldNotBeNull().Currency.ShouldBe("EUR");
}
