// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>
/// Finds what a catalog prices a model at, for comparing an import with it: the engine's own catalog through its entries (every
/// price field, aliases known), any other <see cref="IPriceCatalog"/> through its public descriptors.
/// </summary>
internal sealed class CatalogPriceLookup
{
    private readonly PriceCatalogSnapshot? _snapshot;
    private readonly IPriceCatalog? _catalog;
    private readonly Dictionary<string, HashSet<string>> _listed = new(StringComparer.OrdinalIgnoreCase);

    public CatalogPriceLookup(PriceCatalogSnapshot snapshot) => _snapshot = snapshot;

    private CatalogPriceLookup(IPriceCatalog catalog) => _catalog = catalog;

    public static CatalogPriceLookup For(IPriceCatalog catalog) =>
        catalog is PriceCatalog engine ? new CatalogPriceLookup(engine.Current) : new CatalogPriceLookup(catalog);

    public CatalogPriceView? Find(string providerId, string modelId)
    {
        if (_snapshot is not null)
        {
            if (_snapshot.Resolve(providerId, modelId) is not { IsWildcard: false } entry)
            {
                return null;
            }

            var exact = string.Equals(entry.ModelId, modelId, StringComparison.OrdinalIgnoreCase)
                || entry.Aliases.Contains(modelId, StringComparer.OrdinalIgnoreCase);
            return new CatalogPriceView(entry.ModelId, exact, Prices(entry));
        }

        if (_catalog!.FindModel(providerId, modelId) is not { } model)
        {
            return null;
        }

        if (!_listed.TryGetValue(providerId, out var listed))
        {
            listed = new HashSet<string>(_catalog.GetModels(providerId).Select(m => m.ModelId), StringComparer.OrdinalIgnoreCase);
            _listed[providerId] = listed;
        }

        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        PutPricing(prices, model.Pricing);

        var isExact = listed.Contains(modelId);
        return new CatalogPriceView(modelId, isExact, prices);
    }

    /// <summary>The priced fields of an entry by catalog field name.</summary>
    public static Dictionary<string, decimal> Prices(CatalogEntry entry)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        PutPricing(prices, entry.Pricing);

        Put(prices, "reasoning", entry.ReasoningPerMillionTokens);
        Put(prices, "audioInput", entry.AudioInputPerMillionTokens);
        Put(prices, "audioOutput", entry.AudioOutputPerMillionTokens);
        Put(prices, "perSecond", entry.PerSecond);
        return prices;
    }

    /// <summary>The per-token and per-unit prices of a <see cref="ModelPricing"/>, by catalog field name.</summary>
    private static void PutPricing(Dictionary<string, decimal> prices, ModelPricing? pricing)
    {
        if (pricing is null)
        {
            return;
        }

        Put(prices, "input", pricing.InputPerMillionTokens);
        Put(prices, "output", pricing.OutputPerMillionTokens);
        Put(prices, "cachedInput", pricing.CachedInputPerMillionTokens);
        Put(prices, "cacheWrite", pricing.CacheWritePerMillionTokens);
        Put(prices, "perAudioMinute", pricing.PerAudioMinute);
        Put(prices, "perThousandCharacters", pricing.PerThousandCharacters);
        Put(prices, "perImage", pricing.PerImage);
        Put(prices, "perRequest", pricing.PerRequest);
    }

    private static void Put(Dictionary<string, decimal> prices, string field, decimal? value)
    {
        if (value is { } v)
        {
            prices[field] = v;
        }
    }
}
