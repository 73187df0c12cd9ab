// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Catalog;

/// <summary>
/// The validated, merged price catalog. Each state is an immutable <see cref="PriceCatalogSnapshot"/>; a refreshed price file
/// (<c>AssistantProviders:Catalog:RefreshUrl</c>) swaps in a whole new snapshot atomically, so lookups never see half of an update.
/// The refreshed layer sits between the first layer (the embedded file) and configuration: configuration still wins.
/// </summary>
internal sealed class PriceCatalog : IPriceCatalog
{
    /// <summary>The manifest name of the embedded catalog.</summary>
    public const string EmbeddedResourceName = "AssistantProviders.Catalog.models.json";

    private readonly (IConfiguration Layer, string Source)[] _baseLayers;
    private readonly (IConfiguration Layer, string Source)[] _configLayers;
    private readonly Lock _swapGate = new();
    private PriceCatalogSnapshot _current;

    /// <summary>Builds a catalog from layers of configuration trees, later layers overriding earlier ones.</summary>
    /// <param name="layers">Each layer and its name for messages.</param>
    /// <param name="logger">A logger.</param>
    /// <exception cref="InvalidOperationException">A layer is invalid (negative price, missing currency…); the message names the source and entry.</exception>
    public PriceCatalog(IEnumerable<(IConfiguration Layer, string Source)> layers, ILogger? logger = null)
    {
        var all = layers.ToArray();
        _baseLayers = all.Length == 0 ? [] : [all[0]];
        _configLayers = all.Length <= 1 ? [] : all[1..];
        _current = PriceCatalogSnapshot.Build(all);
        Baseline = _current;
        var log = logger ?? NullLogger.Instance;
        if (log.IsEnabled(LogLevel.Information))
        {
            log.CatalogLoaded(_current.Entries.Count, _current.Metadata.Sources.Count, _current.Metadata.PricesAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown");
        }
    }

    /// <summary>Gets the catalog as built at start, without any refreshed price file (what a refresh is compared with).</summary>
    public PriceCatalogSnapshot Baseline { get; }

    /// <summary>Gets the current snapshot.</summary>
    public PriceCatalogSnapshot Current => Volatile.Read(ref _current);

    /// <inheritdoc/>
    public DateOnly? PricesAsOf => Current.Metadata.PricesAsOf;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Sources => Current.Metadata.Sources;

    /// <summary>Gets every entry of the current snapshot, wildcards included.</summary>
    public IReadOnlyList<CatalogEntry> Entries => Current.Entries;

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
    public CatalogEntry? Resolve(string providerId, string modelId) => Current.Resolve(providerId, modelId);

    /// <summary>Gets the provider-level wildcard entry, if any.</summary>
    public CatalogEntry? Wildcard(string providerId) => Current.Wildcard(providerId);

    /// <summary>Gets a value indicating whether the catalog knows the provider.</summary>
    public bool HasProvider(string providerId) => Current.HasProvider(providerId);

    /// <inheritdoc/>
    public IReadOnlyList<ModelDescriptor> GetModels(string? providerId = null) =>
        [.. Current.Entries.Where(e => !e.IsWildcard && (providerId is null || string.Equals(e.ProviderId, providerId, StringComparison.OrdinalIgnoreCase)))
            .Select(e => e.ToDescriptor())];

    /// <inheritdoc/>
    public ModelDescriptor? FindModel(string providerId, string modelId) => Resolve(providerId, modelId)?.ToDescriptor(modelId);

    /// <summary>
    /// Rebuilds the catalog with <paramref name="refreshLayer"/> between the first layer and configuration and swaps it in
    /// atomically. On an invalid result nothing changes and the exception says why.
    /// </summary>
    /// <param name="refreshLayer">The refreshed prices, in the <c>AssistantProviders:Catalog</c> shape.</param>
    /// <param name="source">The layer's name for messages.</param>
    /// <returns>The snapshot replaced and the one now in use.</returns>
    /// <exception cref="InvalidOperationException">The merged catalog is invalid; the current one stays.</exception>
    public (PriceCatalogSnapshot Previous, PriceCatalogSnapshot Current) ApplyRefreshLayer(IConfiguration refreshLayer, string source)
    {
        ArgumentNullException.ThrowIfNull(refreshLayer);
        lock (_swapGate)
        {
            var next = PriceCatalogSnapshot.Build([.. _baseLayers, (refreshLayer, source), .. _configLayers]);
            var previous = Interlocked.Exchange(ref _current, next);
            return (previous, next);
        }
    }
}
