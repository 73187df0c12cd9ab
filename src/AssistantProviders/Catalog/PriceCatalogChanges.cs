// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>What an import or a refresh changes in the price catalog: models added, prices moved, and how many stay as they are.</summary>
public sealed class PriceCatalogChanges
{
    internal PriceCatalogChanges(IReadOnlyList<string> added, IReadOnlyList<PriceMove> moves, int unchangedCount)
    {
        Added = added;
        Moves = moves;
        UnchangedCount = unchangedCount;
    }

    /// <summary>Gets the qualified ids (<c>provider/model</c>) of the models the catalog did not price before, in order.</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Gets every price that moves, grouped by model in order.</summary>
    public IReadOnlyList<PriceMove> Moves { get; }

    /// <summary>Gets how many models keep every price they had.</summary>
    public int UnchangedCount { get; }

    /// <summary>Gets a value indicating whether nothing changes.</summary>
    public bool IsEmpty => Added.Count == 0 && Moves.Count == 0;
}
