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
        if (model.Pricing is { } p)
        {
            Put(prices, "input", p.InputPerMillionTokens);
            Put(prices, "output", p.OutputPerMillionTokens);
            Put(prices, "cachedInput", p.CachedInputPerMillionTokens);
            Put(prices, "cacheWrite", p.CacheWritePerMillionTokens);
            Put(prices, "perAudioMinute", p.PerAudioMinute);
            Put(prices, "perThousandCharacters", p.PerThousandCharacters);
            Put(prices, "perImage", p.PerImage);
            Put(prices, "perRequest", p.PerRequest);
        }

        var isExact = listed.Contains(modelId);
        return new CatalogPriceView(modelId, isExact, prices);
    }

    /// <summary>The priced fields of an entry by catalog field name.</summary>
    public static Dictionary<string, decimal> Prices(CatalogEntry entry)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (entry.Pricing is { } p)
        {
            Put(prices, "input", p.InputPerMillionTokens);
            Put(prices, "output", p.OutputPerMillionTokens);
            Put(prices, "cachedInput", p.CachedInputPerMillionTokens);
            Put(prices, "cacheWrite", p.CacheWritePerMillionTokens);
            Put(prices, "perAudioMinute", p.PerAudioMinute);
            Put(prices, "perThousandCharacters", p.PerThousandCharacters);
            Put(prices, "perImage", p.PerImage);
            Put(prices, "perRequest", p.PerRequest);
        }

        Put(prices, "reasoning", entry.ReasoningPerMillionTokens);
        Put(prices, "audioInput", entry.AudioInputPerMillionTokens);
        Put(prices, "audioOutput", entry.AudioOutputPerMillionTokens);
        Put(prices, "perSecond", entry.PerSecond);
        return prices;
    }

    private static void Put(Dictionary<string, decimal> prices, string field, decimal? value)
    {
        if (value is { } v)
        {
            prices[field] = v;
        }
    }
}
