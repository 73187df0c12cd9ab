// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Accounting;

/// <summary>Cost calculation settings, bound from <c>AssistantProviders:Cost</c>.</summary>
public sealed class CostOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether a call to a model missing from the price catalog fails before it is sent
    /// (an <see cref="AssistantProviderException"/> of kind <see cref="ProviderErrorKind.NotConfigured"/>). Default
    /// <see langword="false"/>: the call goes ahead, its cost is <see cref="CostConfidence.Unknown"/> and a warning is logged once per model.
    /// </summary>
    public bool ThrowOnUnpricedModel { get; set; }

    /// <summary>
    /// Gets or sets the output tokens assumed for the worst-case budget reservation when the request sets no
    /// <c>MaxOutputTokens</c>. Capped by the model's own maximum when the catalog knows it. Default 4096.
    /// <see langword="null"/> assumes the model's maximum output (or 4096 when unknown).
    /// </summary>
    public int? DefaultMaxOutputTokens { get; set; } = 4096;

    /// <summary>
    /// Gets or sets the largest token count accepted from a vendor's usage report; larger (or negative) values are logged
    /// and clamped. Default 10,000,000.
    /// </summary>
    public long MaxPlausibleTokens { get; set; } = 10_000_000;

    /// <summary>
    /// Gets or sets the amount (USD) a call to a model missing from the price catalog reserves against the budgets (a
    /// deployment alias the vendor may answer with a priced model). <see langword="null"/> (the default) reserves the worst
    /// case of the provider's most expensive priced model for the same request; a provider with no priced model reserves 0.
    /// The call then settles at the price of the model the vendor reports it served (unknown, 0, when that is unpriced too).
    /// </summary>
    public decimal? UnpricedReservationUsd { get; set; }
}
