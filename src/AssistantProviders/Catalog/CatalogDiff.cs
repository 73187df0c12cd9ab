// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>Compares two catalog snapshots price by price (what a refresh changed, for the log).</summary>
internal static class CatalogDiff
{
    public static PriceCatalogChanges Between(PriceCatalogSnapshot previous, PriceCatalogSnapshot current)
    {
        var before = new Dictionary<(string, string), CatalogEntry>();
        foreach (var entry in previous.Entries)
        {
            before[(entry.ProviderId.ToLowerInvariant(), entry.ModelId.ToLowerInvariant())] = entry;
        }

        var added = new List<string>();
        var moves = new List<PriceMove>();
        var unchanged = 0;
        foreach (var entry in current.Entries.Where(e => !e.IsWildcard))
        {
            if (!before.TryGetValue((entry.ProviderId.ToLowerInvariant(), entry.ModelId.ToLowerInvariant()), out var old))
            {
                added.Add(entry.ProviderId + "/" + entry.ModelId);
                continue;
            }

            var oldPrices = CatalogPriceLookup.Prices(old);
            var newPrices = CatalogPriceLookup.Prices(entry);
            var count = moves.Count;
            foreach (var field in oldPrices.Keys.Union(newPrices.Keys).Order(StringComparer.Ordinal))
            {
                decimal? o = oldPrices.TryGetValue(field, out var ov) ? ov : null;
                decimal? n = newPrices.TryGetValue(field, out var nv) ? nv : null;
                if (o != n)
                {
                    moves.Add(new PriceMove(entry.ProviderId, entry.ModelId, field, o, n));
                }
            }

            if (moves.Count == count)
            {
                unchanged++;
            }
        }

        return new PriceCatalogChanges(added, moves, unchanged);
    }
}
