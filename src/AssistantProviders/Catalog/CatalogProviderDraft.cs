// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>A provider of the catalog while layers are merged.</summary>
internal sealed class CatalogProviderDraft
{
    public CatalogProviderDraft(string providerId, string source)
    {
        ProviderId = providerId;
        Source = source;
    }

    public string ProviderId { get; }

    public string Source { get; set; }

    public string? Currency { get; set; }

    public ProviderLocality? Locality { get; set; }

    public List<string>? Compliance { get; set; }

    public List<string>? Regions { get; set; }

    public string? PriceSource { get; set; }

    public Dictionary<string, CatalogEntryDraft> Models { get; } = new(StringComparer.OrdinalIgnoreCase);
}
