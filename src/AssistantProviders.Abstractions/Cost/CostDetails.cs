// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders;

/// <summary>
/// The cost of one AI request, split by what was billed. Amounts are in <see cref="Currency"/> (USD by default).
/// An unpriced model has <see cref="Confidence"/> <see cref="CostConfidence.Unknown"/> and a <see langword="null"/> <see cref="Total"/>.
/// </summary>
public sealed class CostDetails
{
    /// <summary>Gets or sets the cost of uncached input tokens.</summary>
    public decimal? Input { get; set; }

    /// <summary>Gets or sets the cost of output tokens (including reasoning unless split out in <see cref="Reasoning"/>).</summary>
    public decimal? Output { get; set; }

    /// <summary>Gets or sets the cost of input tokens read from the vendor's prompt cache.</summary>
    public decimal? CachedRead { get; set; }

    /// <summary>Gets or sets the cost of writing tokens to the vendor's prompt cache.</summary>
    public decimal? CacheWrite { get; set; }

    /// <summary>Gets or sets the cost of reasoning tokens, when the vendor prices them separately.</summary>
    public decimal? Reasoning { get; set; }

    /// <summary>Gets or sets the cost of audio (per minute of STT, per 1K characters of TTS).</summary>
    public decimal? Audio { get; set; }

    /// <summary>Gets or sets other costs: images, search requests, rerank searches.</summary>
    public decimal? Other { get; set; }

    /// <summary>Gets or sets the total cost. <see langword="null"/> when the model is not priced.</summary>
    public decimal? Total { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Gets or sets how much the numbers can be trusted.</summary>
    public CostConfidence Confidence { get; set; }

    /// <summary>Gets or sets the model the price was looked up for (after alias resolution).</summary>
    public string? PricedModelId { get; set; }

    /// <summary>Gets a cost of zero with <see cref="CostConfidence.Exact"/> confidence, for local models.</summary>
    /// <returns>A new zero-cost instance.</returns>
    public static CostDetails Free() => new() { Input = 0m, Output = 0m, Total = 0m, Confidence = CostConfidence.Exact };

    /// <summary>Gets an unknown cost, for a model missing from the price catalog.</summary>
    /// <param name="modelId">The unpriced model.</param>
    /// <returns>A new instance with a <see langword="null"/> total.</returns>
    public static CostDetails Unknown(string? modelId) => new() { Confidence = CostConfidence.Unknown, PricedModelId = modelId };

    /// <summary>Recomputes <see cref="Total"/> as the sum of the parts.</summary>
    public void ComputeTotal() =>
        Total = (Input ?? 0m) + (Output ?? 0m) + (CachedRead ?? 0m) + (CacheWrite ?? 0m) + (Reasoning ?? 0m) + (Audio ?? 0m) + (Other ?? 0m);

    /// <inheritdoc/>
    public override string ToString() =>
        Total is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{total:0.########} {Currency} ({Confidence})")
            : "unknown (unpriced model)";
}
