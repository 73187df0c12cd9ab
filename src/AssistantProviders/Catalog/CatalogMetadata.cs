// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>File-level facts of the catalog: the date of the prices and the vendors' price pages.</summary>
internal sealed class CatalogMetadata
{
    public DateOnly? PricesAsOf { get; set; }

    public Dictionary<string, string> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);
}
