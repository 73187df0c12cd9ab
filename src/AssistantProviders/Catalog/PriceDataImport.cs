// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Catalog;

/// <summary>
/// Prices read from a public, maintained price data file (LiteLLM's model price map or pydantic's genai-prices), in the catalog's
/// provider ids and units (USD per 1M tokens, per audio minute, per 1K characters, per image, per request). Every model of the
/// providers AssistantProviders has is kept (local servers excepted: they cost nothing); <see cref="KnownModelsOnly"/> narrows the
/// import to models the catalog already lists. <see cref="ToOverrideJson"/> writes the override file
/// <c>AssistantProviders:Catalog</c> reads; <see cref="CompareWith"/> says what it changes.
/// </summary>
public sealed class PriceDataImport
{
    /// <summary>The largest file read by default: 16 MiB (LiteLLM's map is a few MiB).</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private PriceDataImport(PriceDataFormat format, IReadOnlyList<ImportedModelPrice> models, int skippedCount)
    {
        Format = format;
        Models = models;
        SkippedCount = skippedCount;
    }

    /// <summary>Gets the format the file was recognised as.</summary>
    public PriceDataFormat Format { get; }

    /// <summary>Gets the imported models, in file order.</summary>
    public IReadOnlyList<ImportedModelPrice> Models { get; }

    /// <summary>Gets how many file entries were left out: other providers, unrouted modes, unpriced or duplicate entries.</summary>
    public int SkippedCount { get; }

    /// <summary>Reads a price data file from text.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="today">The date conditional prices are chosen for (genai-prices <c>start_date</c>); default today (UTC).</param>
    /// <returns>The import.</returns>
    /// <exception cref="InvalidDataException">The text is not JSON, not one of the formats, too large, or holds a negative, absurd or non-numeric price of a kept model; the message says which.</exception>
    public static PriceDataImport Parse(string json, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > DefaultMaxBytes)
        {
            throw new InvalidDataException($"The price file is larger than {DefaultMaxBytes / (1024 * 1024)} MiB; refusing to read it.");
        }

        return ParseUtf8(Encoding.UTF8.GetBytes(json), today ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>Reads a price data file from a stream, refusing more than <paramref name="maxBytes"/>.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="maxBytes">The size cap.</param>
    /// <param name="today">The date conditional prices are chosen for; default today (UTC).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The import.</returns>
    /// <exception cref="InvalidDataException">Too large, not JSON, not one of the formats, or an implausible price.</exception>
    public static async Task<PriceDataImport> ReadAsync(Stream stream, long maxBytes = DefaultMaxBytes, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var bytes = await ReadBoundedAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        return ParseUtf8(bytes, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>Parses UTF-8 bytes already read under a size cap.</summary>
    internal static PriceDataImport ParseUtf8(byte[] bytes, DateOnly today)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The price file is not valid JSON: " + ex.Message, ex);
        }

        using (doc)
        {
            return Read(doc.RootElement, today);
        }
    }

    /// <summary>Keeps only the models <paramref name="catalog"/> already prices under that id or one of its aliases (no additions).</summary>
    /// <param name="catalog">The effective catalog.</param>
    /// <returns>A narrower import.</returns>
    public PriceDataImport KnownModelsOnly(IPriceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var lookup = CatalogPriceLookup.For(catalog);
        var kept = Models.Where(m => lookup.Find(m.ProviderId, m.ModelId) is { IsExact: true }).ToList();
        return new PriceDataImport(Format, kept, SkippedCount + (Models.Count - kept.Count));
    }

    /// <summary>
    /// Compares the import with <paramref name="catalog"/>: models it adds, prices that move (old → new), models that stay. A dated
    /// or prefixed id the catalog already resolves at the same prices counts as unchanged; at other prices it is added.
    /// </summary>
    /// <param name="catalog">The effective catalog (embedded file plus configuration overrides).</param>
    /// <returns>The changes.</returns>
    public PriceCatalogChanges CompareWith(IPriceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var items = Plan(CatalogPriceLookup.For(catalog), out var unchanged);
        return new PriceCatalogChanges(
            [.. items.Where(i => i.IsNew).Select(i => i.Model.QualifiedId)],
            [.. items.Where(i => !i.IsNew).SelectMany(i => i.Moves)],
            unchanged);
    }

    /// <summary>
    /// Writes the override file: <c>{"AssistantProviders":{"Catalog":{"providers":{…}}}}</c>, the shape the
    /// <c>AssistantProviders:Catalog</c> section reads, so an app adds it with <c>AddJsonFile</c> after its appsettings. Only
    /// models that change are written (all their imported prices; capabilities and limits too for new models), merged into
    /// <paramref name="existingOverrideJson"/>: its other entries and fields are kept, imported fields are replaced.
    /// </summary>
    /// <param name="catalog">The effective catalog the changes are computed against.</param>
    /// <param name="existingOverrideJson">The current override file, or <see langword="null"/>.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="InvalidDataException">The existing override file is not JSON or not of that shape.</exception>
    public string ToOverrideJson(IPriceCatalog catalog, string? existingOverrideJson = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var items = Plan(CatalogPriceLookup.For(catalog), out _);
        var comment = string.Create(CultureInfo.InvariantCulture, $"Price overrides imported by 'assistant-providers catalog update' from a {FormatName(Format)} price file on {DateTime.UtcNow:yyyy-MM-dd}. Add this file with AddJsonFile after appsettings.json; AssistantProviders:Catalog reads it.");
        return PriceOverrideWriter.Write(items, existingOverrideJson, comment);
    }

    /// <summary>The refreshed layer in the <c>AssistantProviders:Catalog</c> shape, computed against <paramref name="baseline"/>.</summary>
    internal IConfiguration ToConfigurationLayer(PriceCatalogSnapshot baseline, out PriceCatalogChanges changes)
    {
        var items = Plan(new CatalogPriceLookup(baseline), out var unchanged);
        changes = new PriceCatalogChanges([.. items.Where(i => i.IsNew).Select(i => i.Model.QualifiedId)], [.. items.Where(i => !i.IsNew).SelectMany(i => i.Moves)], unchanged);
        return PriceOverrideWriter.ToConfiguration(items);
    }

    internal static string FormatName(PriceDataFormat format) => format == PriceDataFormat.LiteLlm ? "LiteLLM" : "genai-prices";

    internal List<PriceOverrideItem> Plan(CatalogPriceLookup lookup, out int unchanged)
    {
        unchanged = 0;
        var items = new List<PriceOverrideItem>();
        foreach (var model in Models)
        {
            var found = lookup.Find(model.ProviderId, model.ModelId);
            if (found is null)
            {
                items.Add(new PriceOverrideItem(model, model.ModelId, isNew: true, []));
                continue;
            }

            var moves = new List<PriceMove>();
            foreach (var field in PriceImportRules.AllFields)
            {
                // A zero where the catalog has no price (an embedding model's output) is the same thing: not billed.
                if (model.Prices.TryGetValue(field, out var price)
                    && (found.Prices.TryGetValue(field, out var old) ? old != price : price != 0m))
                {
                    moves.Add(new PriceMove(model.ProviderId, found.CanonicalModelId, field, found.Prices.TryGetValue(field, out var o) ? o : null, price));
                }
            }

            if (moves.Count == 0)
            {
                unchanged++;
            }
            else if (found.IsExact)
            {
                items.Add(new PriceOverrideItem(model, found.CanonicalModelId, isNew: false, moves));
            }
            else
            {
                // A dated or prefixed id priced differently from the entry it resolves to gets its own entry.
                items.Add(new PriceOverrideItem(model, model.ModelId, isNew: true, []));
            }
        }

        return items;
    }

    private static PriceDataImport Read(JsonElement root, DateOnly today)
    {
        var errors = new List<string>();
        var skipped = 0;
        List<ImportedModelPrice> models;
        PriceDataFormat format;
        if (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("models", out _)))
        {
            format = PriceDataFormat.GenAIPrices;
            models = GenAIPricesReader.Read(root, today, errors, ref skipped);
        }
        else if (root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("litellm_provider", out _)))
        {
            format = PriceDataFormat.LiteLlm;
            models = LiteLlmPriceReader.Read(root, errors, ref skipped);
        }
        else
        {
            var hint = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("AssistantProviders", out _)
                ? " It looks like an AssistantProviders override file; pass the vendor price file with --from and the override with --out."
                : string.Empty;
            throw new InvalidDataException("The price file is neither LiteLLM's model price map (an object of models with 'litellm_provider') nor genai-prices data (an array of providers)." + hint);
        }

        if (errors.Count > 0)
        {
            var listed = string.Join(Environment.NewLine, errors.Take(PriceImportRules.MaxListedErrors).Select(e => "  " + e));
            var more = errors.Count > PriceImportRules.MaxListedErrors ? $"{Environment.NewLine}  …and {errors.Count - PriceImportRules.MaxListedErrors} more." : string.Empty;
            throw new InvalidDataException($"The {FormatName(format)} price file has {errors.Count} invalid price(s); nothing was imported:{Environment.NewLine}{listed}{more}");
        }

        if (models.Count > PriceImportRules.MaxModels)
        {
            throw new InvalidDataException($"The price file yields {models.Count} models, more than the {PriceImportRules.MaxModels} allowed.");
        }

        return new PriceDataImport(format, models, skipped);
    }

    internal static async Task<byte[]> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw new InvalidDataException($"The price file is larger than the {maxBytes} byte limit; refusing to read it.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"The price file is larger than the {maxBytes} byte limit; refusing to read it.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
