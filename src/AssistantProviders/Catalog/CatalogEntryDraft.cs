// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>A catalog entry while layers (embedded file, configuration) are merged; every field optional.</summary>
internal sealed class CatalogEntryDraft
{
    public CatalogEntryDraft(string modelId, string source)
    {
        ModelId = modelId;
        Source = source;
    }

    public string ModelId { get; set; }

    public string Source { get; set; }

    public Dictionary<string, decimal> Prices { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the per-image prices by <c>WxH</c> or <c>WxH/quality</c> (later layers override single keys).</summary>
    public Dictionary<string, decimal> ImagePrices { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool? Free { get; set; }

    public string? Currency { get; set; }

    public int? ContextWindow { get; set; }

    public int? MaxOutputTokens { get; set; }

    public ModelCapabilities? Capabilities { get; set; }

    public ProviderLocality? Locality { get; set; }

    public List<string>? Compliance { get; set; }

    public List<string>? Regions { get; set; }

    public List<string>? Tasks { get; set; }

    public List<string>? Aliases { get; set; }

    public string? DisplayName { get; set; }
}
