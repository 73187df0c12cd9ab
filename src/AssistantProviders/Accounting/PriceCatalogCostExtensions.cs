// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Catalog;

namespace AssistantProviders.Accounting;

/// <summary>Cost estimates from the engine's price catalog, by the rule the router uses for budget reservations and cheapest routing.</summary>
public static class PriceCatalogCostExtensions
{
    /// <summary>
    /// Estimates the worst-case cost of one call: input and output tokens at the catalog's prices (the higher of the output
    /// and reasoning price) plus any per-request fee (for example Perplexity search).
    /// </summary>
    /// <param name="catalog">The engine's price catalog (the registered <see cref="IPriceCatalog"/>).</param>
    /// <param name="providerId">The provider id.</param>
    /// <param name="modelId">The model id (aliases resolve as in routing).</param>
    /// <param name="inputTokens">The input tokens.</param>
    /// <param name="outputTokens">The output tokens.</param>
    /// <returns>The cost in USD, or <see langword="null"/> when the model is unpriced or the catalog is not the engine's.</returns>
    public static decimal? EstimateCost(this IPriceCatalog catalog, string providerId, string modelId, long inputTokens, long outputTokens)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (catalog is not PriceCatalog prices || prices.Resolve(providerId, modelId) is not { Pricing: { } pricing } entry)
        {
            return null;
        }

        return CostCalculator.WorstCase(entry, inputTokens, outputTokens, requests: pricing.PerRequest is null ? 0 : 1);
    }
}
