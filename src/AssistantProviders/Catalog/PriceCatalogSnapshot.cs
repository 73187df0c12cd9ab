// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Catalog;

/// <summary>
/// One immutable, validated state of the price catalog: its entries, its lookup index and its lookup cache. The catalog swaps a
/// whole snapshot when a refreshed price file arrives, so a reader always sees one consistent set of prices.
/// </summary>
internal sealed class PriceCatalogSnapshot
{
    private const int MaxCachedLookups = 10_000;

    private readonly Dictionary<string, Dictionary<string, CatalogEntry>> _byProvider = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Provider, string Model), CatalogEntry?> _lookups = new();

    private PriceCatalogSnapshot(List<CatalogEntry> entries, CatalogMetadata metadata)
    {
        foreach (var entry in entries)
        {
            if (!_byProvider.TryGetValue(entry.ProviderId, out var models))
            {
                models = new Dictionary<string, CatalogEntry>(StringComparer.OrdinalIgnoreCase);
                _byProvider[entry.ProviderId] = models;
            }

            models[entry.ModelId] = entry;
            foreach (var alias in entry.Aliases)
            {
                models.TryAdd(alias, entry);
            }
        }

        Entries = entries;
        Metadata = metadata;
    }

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public CatalogMetadata Metadata { get; }

    /// <summary>Reads, merges and validates <paramref name="layers"/> (later layers override earlier ones).</summary>
    /// <exception cref="InvalidOperationException">A layer is invalid; the message names the source and entry.</exception>
    public static PriceCatalogSnapshot Build(IEnumerable<(IConfiguration Layer, string Source)> layers)
    {
        var providers = new Dictionary<string, CatalogProviderDraft>(StringComparer.OrdinalIgnoreCase);
        var metadata = new CatalogMetadata();
        var errors = new List<string>();
        foreach (var (layer, source) in layers)
        {
            CatalogParser.ReadLayer(layer, source, providers, metadata, errors);
        }

        var entries = CatalogParser.Build(providers, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The price catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return new PriceCatalogSnapshot(entries, metadata);
    }

    /// <summary>Resolves a model to its entry (alias resolution, then the provider wildcard), or <see langword="null"/>.</summary>
    public CatalogEntry? Resolve(string providerId, string modelId)
    {
        if (string.IsNullOrWhiteSpace(providerId) || string.IsNullOrWhiteSpace(modelId))
        {
            return null;
        }

        var key = (providerId, modelId);
        if (_lookups.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var entry = ResolveUncached(providerId, modelId);
        if (_lookups.Count < MaxCachedLookups)
        {
            _lookups.TryAdd(key, entry);
        }

        return entry;
    }

    public CatalogEntry? Wildcard(string providerId) =>
        _byProvider.TryGetValue(providerId, out var models) && models.TryGetValue("*", out var w) ? w : null;

    public bool HasProvider(string providerId) => _byProvider.ContainsKey(providerId);

    private CatalogEntry? ResolveUncached(string providerId, string modelId)
    {
        if (!_byProvider.TryGetValue(providerId, out var models))
        {
            return null;
        }

        foreach (var candidate in ModelIdResolver.Candidates(modelId))
        {
            if (candidate != "*" && models.TryGetValue(candidate, out var entry))
            {
                return entry;
            }
        }

        return models.TryGetValue("*", out var wildcard) ? wildcard : null;
    }
}
