// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>One model an import writes: under which catalog id, whether the catalog had it, and the price moves against it.</summary>
internal sealed class PriceOverrideItem
{
    public PriceOverrideItem(ImportedModelPrice model, string catalogModelId, bool isNew, IReadOnlyList<PriceMove> moves)
    {
        Model = model;
        CatalogModelId = catalogModelId;
        IsNew = isNew;
        Moves = moves;
    }

    public ImportedModelPrice Model { get; }

    /// <summary>Gets the id the entry is written under: the existing entry's own id for an alias, else the imported id.</summary>
    public string CatalogModelId { get; }

    /// <summary>Gets a value indicating whether the catalog had no entry for the model (its capabilities and limits are written too).</summary>
    public bool IsNew { get; }

    public IReadOnlyList<PriceMove> Moves { get; }
}
