// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The price of a model, per unit the vendor bills. A <see langword="null"/> price means "not billed in this unit".</summary>
public sealed class ModelPricing
{
    /// <summary>Gets or sets the price per 1M uncached input tokens.</summary>
    public decimal? InputPerMillionTokens { get; set; }

    /// <summary>Gets or sets the price per 1M output tokens.</summary>
    public decimal? OutputPerMillionTokens { get; set; }

    /// <summary>Gets or sets the price per 1M input tokens read from the prompt cache.</summary>
    public decimal? CachedInputPerMillionTokens { get; set; }

    /// <summary>Gets or sets the price per 1M tokens written to the prompt cache.</summary>
    public decimal? CacheWritePerMillionTokens { get; set; }

    /// <summary>Gets or sets the price per minute of transcribed audio.</summary>
    public decimal? PerAudioMinute { get; set; }

    /// <summary>Gets or sets the price per 1K characters of synthesized speech.</summary>
    public decimal? PerThousandCharacters { get; set; }

    /// <summary>Gets or sets the price per generated image.</summary>
    public decimal? PerImage { get; set; }

    /// <summary>Gets or sets the price per search request (Perplexity) or rerank search unit (Cohere).</summary>
    public decimal? PerRequest { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Gets a pricing of zero in every unit, for local models.</summary>
    /// <returns>A new zero pricing.</returns>
    public static ModelPricing Free() => new()
    {
        InputPerMillionTokens = 0m,
        OutputPerMillionTokens = 0m,
        CachedInputPerMillionTokens = 0m,
        PerAudioMinute = 0m,
        PerThousandCharacters = 0m,
        PerImage = 0m,
        PerRequest = 0m,
    };
}
