// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Catalog;

/// <summary>The validated, merged price catalog. Immutable after construction; lookups are cached.</summary>
internal sealed class PriceCatalog : IPriceCatalog
{
    /// <summary>The manifest name of the embedded catalog.</summary>
    public const string EmbeddedResourceName = "AssistantProviders.Catalog.models.json";

    private const int MaxCachedLookups = 10_000;

    private readonly Dictionary<string, Dictionary<string, CatalogEntry>> _byProvider = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Provider, string Model), CatalogEntry?> _lookups = new();
    private readonly CatalogMetadata _metadata;

    /// <summary>Builds a catalog from layers of configuration trees, later layers overriding earlier ones.</summary>
    /// <param name="layers">Each layer and its name for messages.</param>
    /// <param name="logger">A logger.</param>
    /// <exception cref="InvalidOperationException">A layer is invalid (negative price, missing currency…); the message names the source and entry.</exception>
    public PriceCatalog(IEnumerable<(IConfiguration Layer, string Source)> layers, ILogger? logger = null)
    {
        var providers = new Dictionary<string, CatalogProviderDraft>(StringComparer.OrdinalIgnoreCase);
        _metadata = new CatalogMetadata();
        var errors = new List<string>();
        foreach (var (layer, source) in layers)
        {
            CatalogParser.ReadLayer(layer, source, providers, _metadata, errors);
        }

        var entries = CatalogParser.Build(providers, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The price catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

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
        var log = logger ?? NullLogger.Instance;
        if (log.IsEnabled(LogLevel.Information))
        {
            log.CatalogLoaded(entries.Count, _metadata.Sources.Count, _metadata.PricesAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown");
        }
    }

    /// <inheritdoc/>
    public DateOnly? PricesAsOf => _metadata.PricesAsOf;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Sources => _metadata.Sources;

    /// <summary>Gets every entry, wildcards included.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>Creates the catalog from the embedded file plus an optional configuration override.</summary>
    /// <param name="overrides">The <c>AssistantProviders:Catalog</c> section, or <see langword="null"/>.</param>
    /// <param name="logger">A logger.</param>
    /// <returns>The catalog.</returns>
    public static PriceCatalog Create(IConfiguration? overrides, ILogger? logger = null) =>
        CreateLayered(overrides is null ? [] : [overrides], logger);

    /// <summary>Creates the catalog from the embedded file plus configuration overrides applied in order.</summary>
    /// <param name="overrides">The <c>AssistantProviders:Catalog</c> sections.</param>
    /// <param name="logger">A logger.</param>
    /// <returns>The catalog.</returns>
    public static PriceCatalog CreateLayered(IEnumerable<IConfiguration> overrides, ILogger? logger = null)
    {
        const string Embedded = "embedded:Catalog/models.json";
        var layers = new List<(IConfiguration, string)> { (CatalogParser.JsonToConfiguration(ReadEmbedded(), Embedded), Embedded) };
        foreach (var layer in overrides)
        {
            layers.Add((layer, layer is IConfigurationSection s ? "configuration:" + s.Path : "configuration"));
        }

        return new PriceCatalog(layers, logger);
    }

    /// <summary>Creates a catalog from JSON text (tests, tools), with an optional configuration override.</summary>
    public static PriceCatalog FromJson(string json, string source, IConfiguration? overrides = null, ILogger? logger = null)
    {
        var layers = new List<(IConfiguration, string)> { (CatalogParser.JsonToConfiguration(json, source), source) };
        if (overrides is not null)
        {
            layers.Add((overrides, overrides is IConfigurationSection s ? "configuration:" + s.Path : "configuration"));
        }

        return new PriceCatalog(layers, logger);
    }

    /// <summary>Reads the embedded catalog file.</summary>
    public static string ReadEmbedded()
    {
        using var stream = typeof(PriceCatalog).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The embedded price catalog '{EmbeddedResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
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

    /// <summary>Gets the provider-level wildcard entry, if any.</summary>
    public CatalogEntry? Wildcard(string providerId) =>
        _byProvider.TryGetValue(providerId, out var models) && models.TryGetValue("*", out var w) ? w : null;

    /// <summary>Gets a value indicating whether the catalog knows the provider.</summary>
    public bool HasProvider(string providerId) => _byProvider.ContainsKey(providerId);

    /// <inheritdoc/>
    public IReadOnlyList<ModelDescriptor> GetModels(string? providerId = null) =>
        [.. Entries.Where(e => !e.IsWildcard && (providerId is null || string.Equals(e.ProviderId, providerId, StringComparison.OrdinalIgnoreCase)))
            .Select(e => e.ToDescriptor())];

    /// <inheritdoc/>
    public ModelDescriptor? FindModel(string providerId, string modelId) => Resolve(providerId, modelId)?.ToDescriptor(modelId);

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
