// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// <see cref="CostCalculator.Compute"/> edge cases found by mutation testing: a priced part beside an unpriced one is a partial
/// cost (not unknown), zero quantities fall through to tokens, audio tokens without an audio price stay in the text counts, and
/// a speech operation reported in tokens is priced by tokens.
/// </summary>
public sealed class CostCalculatorPartialPricingTests
{
    private static CatalogEntry Entry(ModelPricing pricing, decimal? audioIn = null, decimal? audioOut = null, decimal? reasoning = null, decimal? perSecond = null) => new()
    {
        ProviderId = "p",
        ModelId = "m",
        Source = "test",
        Pricing = pricing,
        AudioInputPerMillionTokens = audioIn,
        AudioOutputPerMillionTokens = audioOut,
        ReasoningPerMillionTokens = reasoning,
        PerSecond = perSecond,
    };

    [Fact]
    public void SpeechToTextMinutes_BesideAnUnpricedImage_IsAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { PerAudioMinute = 0.006m }), "stt", new CostQuantities { AudioMinutes = 2, Images = 1 });

        cost.ShouldNotBeNull();
        cost.Audio.ShouldBe(0.012m);
        cost.Total.ShouldBe(0.012m);
    }

    [Fact]
    public void TextToSpeechCharacters_BesideAnUnpricedImage_IsAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { PerThousandCharacters = 0.3m }), "tts", new CostQuantities { Characters = 2000, Images = 1 });

        cost.ShouldNotBeNull();
        cost.Total.ShouldBe(0.6m);
    }

    [Fact]
    public void AudioMinutesOfAnotherOperation_BesideAnUnpricedImage_IsAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { PerAudioMinute = 0.5m }), "chat", new CostQuantities { AudioMinutes = 1, Images = 1 });

        cost.ShouldNotBeNull();
        cost.Audio.ShouldBe(0.5m);
    }

    [Fact]
    public void CharactersOfAnotherOperation_BesideAnUnpricedImage_IsAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { PerThousandCharacters = 1m }), "chat", new CostQuantities { Characters = 500, Images = 1 });

        cost.ShouldNotBeNull();
        cost.Audio.ShouldBe(0.5m);
    }

    [Fact]
    public void PricedImages_BesideUnpricedComputeTime_AreAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { PerImage = 0.04m }), "image", new CostQuantities { Images = 2, ComputeSeconds = 3 });

        cost.ShouldNotBeNull();
        cost.Other.ShouldBe(0.08m);
    }

    [Fact]
    public void PricedComputeTime_BesideUnpricedImages_IsAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing(), perSecond: 0.001m), "image", new CostQuantities { Images = 2, ComputeSeconds = 4 });

        cost.ShouldNotBeNull();
        cost.Other.ShouldBe(0.004m);
    }

    [Fact]
    public void PerRequestFee_BesideUnpricedImages_IsAPartialCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { PerRequest = 0.005m }), "chat", new CostQuantities { Requests = 1, Images = 1 });

        cost.ShouldNotBeNull();
        cost.Other.ShouldBe(0.005m);
    }

    [Fact]
    public void ZeroImagesAndZeroComputeTime_WithoutPrices_AreNotMissing()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { InputPerMillionTokens = 1m }), "image", new CostQuantities { Images = 0, ComputeSeconds = 0 });

        cost.ShouldNotBeNull();
        cost.Total.ShouldBe(0m);
        cost.Other.ShouldBeNull();
    }

    [Fact]
    public void SpeechToText_WithZeroMinutes_IsPricedByItsTokens()
    {
        var pricing = new ModelPricing { PerAudioMinute = 0.006m, InputPerMillionTokens = 2m, OutputPerMillionTokens = 10m };

        var cost = CostCalculator.Compute(Entry(pricing), "stt", new CostQuantities { AudioMinutes = 0, InputTokens = 1_000_000, OutputTokens = 100_000 });

        cost.ShouldNotBeNull();
        cost.Input.ShouldBe(2m);
        cost.Output.ShouldBe(1m);
        cost.Audio.ShouldBeNull();
    }

    [Fact]
    public void SpeechToText_ReportedInTokensWithoutMinutes_OnAPerMinuteModel_IsPricedByTokens()
    {
        var pricing = new ModelPricing { PerAudioMinute = 0.006m, InputPerMillionTokens = 2m };

        var cost = CostCalculator.Compute(Entry(pricing), "stt", new CostQuantities { InputTokens = 500_000 });

        cost.ShouldNotBeNull();
        cost.Total.ShouldBe(1m);
    }

    [Fact]
    public void TextToSpeech_WithoutCharacters_OnAPerCharacterModel_IsPricedByTokens()
    {
        var pricing = new ModelPricing { PerThousandCharacters = 0.015m, InputPerMillionTokens = 0.6m, OutputPerMillionTokens = 12m };

        var cost = CostCalculator.Compute(Entry(pricing), "tts", new CostQuantities { InputTokens = 1_000_000, OutputTokens = 1_000_000 });

        cost.ShouldNotBeNull();
        cost.Total.ShouldBe(12.6m);
        cost.Audio.ShouldBeNull();
    }

    [Fact]
    public void TextToSpeech_WithZeroCharacters_IsPricedByItsTokens()
    {
        var pricing = new ModelPricing { PerThousandCharacters = 0.015m, OutputPerMillionTokens = 12m };

        var cost = CostCalculator.Compute(Entry(pricing), "tts", new CostQuantities { Characters = 0, OutputTokens = 500_000 });

        cost.ShouldNotBeNull();
        cost.Output.ShouldBe(6m);
        cost.Audio.ShouldBeNull();
    }

    [Fact]
    public void ZeroMinutesAndZeroCharacters_OfAnotherOperation_LeaveAudioUnset()
    {
        var pricing = new ModelPricing { PerAudioMinute = 1m, PerThousandCharacters = 1m, InputPerMillionTokens = 1m };

        var minutes = CostCalculator.Compute(Entry(pricing), "chat", new CostQuantities { AudioMinutes = 0 });
        var characters = CostCalculator.Compute(Entry(pricing), "chat", new CostQuantities { Characters = 0 });

        minutes.ShouldNotBeNull();
        minutes.Audio.ShouldBeNull();
        characters.ShouldNotBeNull();
        characters.Audio.ShouldBeNull();
    }

    [Fact]
    public void PlainChat_HasNoAudioCost()
    {
        var cost = CostCalculator.Compute(Entry(new ModelPricing { InputPerMillionTokens = 1m, OutputPerMillionTokens = 2m }, audioIn: 40m, audioOut: 80m), "chat", new CostQuantities { InputTokens = 1000, OutputTokens = 1000 });

        cost.ShouldNotBeNull();
        cost.Audio.ShouldBeNull();
    }

    [Fact]
    public void AudioTokens_WithoutAudioPrices_StayInTheTextCounts()
    {
        var pricing = new ModelPricing { InputPerMillionTokens = 1m, OutputPerMillionTokens = 4m };

        var cost = CostCalculator.Compute(Entry(pricing), "chat", new CostQuantities { InputTokens = 1_000_000, AudioInputTokens = 250_000, OutputTokens = 1_000_000, AudioOutputTokens = 500_000 });

        cost.ShouldNotBeNull();
        cost.Input.ShouldBe(1m);
        cost.Output.ShouldBe(4m);
        cost.Audio.ShouldBeNull();
    }

    [Fact]
    public void AudioInputTokens_WithInputExcludingCache_AreTakenOutOfTheTextInput()
    {
        var pricing = new ModelPricing { InputPerMillionTokens = 1m };

        var cost = CostCalculator.Compute(Entry(pricing, audioIn: 40m), "chat", new CostQuantities { InputTokens = 1_000_000, AudioInputTokens = 250_000, InputExcludesCache = true });

        cost.ShouldNotBeNull();
        cost.Input.ShouldBe(0.75m);
        cost.Audio.ShouldBe(10m);
    }

    [Fact]
    public void Reasoning_IsCappedAtTheOutputThatIsNotAudio()
    {
        // 100 output tokens, 80 of them audio, 50 reported as reasoning: only 20 can be reasoning.
        var pricing = new ModelPricing { OutputPerMillionTokens = 10m };

        var cost = CostCalculator.Compute(Entry(pricing, audioOut: 100m, reasoning: 1_000_000m), "chat", new CostQuantities { OutputTokens = 100, AudioOutputTokens = 80, ReasoningTokens = 50 });

        cost.ShouldNotBeNull();
        cost.Reasoning.ShouldBe(20m);
        cost.Output.ShouldBeNull();
    }
}
