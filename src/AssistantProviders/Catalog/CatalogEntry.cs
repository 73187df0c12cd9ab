// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>One validated, immutable entry of the price catalog (a model, or a provider wildcard <c>*</c>).</summary>
internal sealed class CatalogEntry
{
    public required string ProviderId { get; init; }

    public required string ModelId { get; init; }

    /// <summary>Gets where the entry came from, for messages (file or configuration path).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the prices; <see langword="null"/> when the entry carries metadata only (the model is then unpriced).</summary>
    public ModelPricing? Pricing { get; init; }

    public decimal? ReasoningPerMillionTokens { get; init; }

    public decimal? AudioInputPerMillionTokens { get; init; }

    public decimal? AudioOutputPerMillionTokens { get; init; }

    /// <summary>Gets the price of one second of compute, for models billed by time (Replicate's <c>predict_time</c>).</summary>
    public decimal? PerSecond { get; init; }

    /// <summary>Gets the price of one image by size (<c>1024x1024</c>) or size and quality (<c>1024x1024/hd</c>).</summary>
    public IReadOnlyDictionary<string, decimal> ImagePrices { get; init; } = EmptyImagePrices;

    public int? ContextWindow { get; init; }

    public int? MaxOutputTokens { get; init; }

    public ModelCapabilities Capabilities { get; init; }

    public ProviderLocality Locality { get; init; }

    public IReadOnlyList<string> Compliance { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> Tasks { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? DisplayName { get; init; }

    public string Currency => Pricing?.Currency ?? "USD";

    public bool IsWildcard => ModelId == "*";

    private static IReadOnlyDictionary<string, decimal> EmptyImagePrices { get; } = new Dictionary<string, decimal>();

    /// <summary>Gets a value indicating whether every price of the entry is zero (a free or local model).</summary>
    public bool IsFree =>
        Pricing is { } p
        && (p.InputPerMillionTokens ?? 0m) == 0m && (p.OutputPerMillionTokens ?? 0m) == 0m
        && (p.CachedInputPerMillionTokens ?? 0m) == 0m && (p.CacheWritePerMillionTokens ?? 0m) == 0m
        && (p.PerAudioMinute ?? 0m) == 0m && (p.PerThousandCharacters ?? 0m) == 0m
        && (p.PerImage ?? 0m) == 0m && (p.PerRequest ?? 0m) == 0m
        && (ReasoningPerMillionTokens ?? 0m) == 0m && (AudioInputPerMillionTokens ?? 0m) == 0m && (AudioOutputPerMillionTokens ?? 0m) == 0m
        && (PerSecond ?? 0m) == 0m && ImagePrices.Values.All(static v => v == 0m);

    /// <summary>
    /// The price of one image of <paramref name="variant"/> (<c>WxH</c> or <c>WxH/quality</c>): the exact entry, else the size
    /// alone, else <c>perImage</c>; <see langword="null"/> when none is priced.
    /// </summary>
    public decimal? ImagePrice(string? variant)
    {
        if (variant is { Length: > 0 } && ImagePrices.Count > 0)
        {
            if (ImagePrices.TryGetValue(variant, out var exact))
            {
                return exact;
            }

            var slash = variant.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && ImagePrices.TryGetValue(variant[..slash], out var size))
            {
                return size;
            }
        }

        return Pricing?.PerImage;
    }

    /// <summary>The highest price of one image of the entry (any size or quality), for a worst case of unknown variant.</summary>
    public decimal? MaxImagePrice()
    {
        decimal? max = Pricing?.PerImage;
        foreach (var price in ImagePrices.Values)
        {
            max = max is { } m ? Math.Max(m, price) : price;
        }

        return max;
    }

    /// <summary>Builds a new public descriptor (callers may mutate it).</summary>
    public ModelDescriptor ToDescriptor(string? modelId = null) => new(ProviderId, modelId ?? ModelId)
    {
        DisplayName = DisplayName,
        Capabilities = Capabilities,
        ContextWindow = ContextWindow,
        MaxOutputTokens = MaxOutputTokens,
        Pricing = ClonePricing(Pricing),
        Locality = Locality,
        ComplianceTags = [.. Compliance],
        Regions = [.. Regions],
        Tasks = [.. Tasks],
    };

    private static ModelPricing? ClonePricing(ModelPricing? p) => p is null ? null : new ModelPricing
    {
        InputPerMillionTokens = p.InputPerMillionTokens,
        OutputPerMillionTokens = p.OutputPerMillionTokens,
        CachedInputPerMillionTokens = p.CachedInputPerMillionTokens,
        CacheWritePerMillionTokens = p.CacheWritePerMillionTokens,
        PerAudioMinute = p.PerAudioMinute,
        PerThousandCharacters = p.PerThousandCharacters,
        PerImage = p.PerImage,
        PerRequest = p.PerRequest,
        Currency = p.Currency,
    };
}
