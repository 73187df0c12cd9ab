// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>What the catalog prices a model at: the entry it resolved to, whether the id named it exactly, and its prices by field.</summary>
internal sealed class CatalogPriceView
{
    public CatalogPriceView(string canonicalModelId, bool isExact, IReadOnlyDictionary<string, decimal> prices)
    {
        CanonicalModelId = canonicalModelId;
        IsExact = isExact;
        Prices = prices;
    }

    /// <summary>Gets the catalog entry's own model id (an alias or a dated id resolves to it).</summary>
    public string CanonicalModelId { get; }

    /// <summary>Gets a value indicating whether the id is the entry's id or one of its aliases (not a dated or prefixed variant).</summary>
    public bool IsExact { get; }

    public IReadOnlyDictionary<string, decimal> Prices { get; }
}
