// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;

namespace AssistantProviders.Catalog;

/// <summary>
/// Reads pydantic's genai-prices data shape: an array of providers, each with <c>models</c> whose <c>prices</c> are USD per
/// million tokens (<c>input_mtok</c>, <c>output_mtok</c>, <c>cache_read_mtok</c>, <c>cache_write_mtok</c>,
/// <c>input_audio_mtok</c>, <c>output_audio_mtok</c>) and per thousand requests (<c>requests_kcount</c>). A tiered price
/// (<c>{"base": …, "tiers": […]}</c>) is read as its base; a list of conditional prices as the last one whose
/// <c>start_date</c> has come (time-of-day prices are off-peak offers and are not used), else the first.
/// </summary>
internal static class GenAIPricesReader
{
    private static readonly (string Source, string Field, decimal Factor)[] Fields =
    [
        ("input_mtok", "input", 1m),
        ("output_mtok", "output", 1m),
        ("cache_read_mtok", "cachedInput", 1m),
        ("cache_write_mtok", "cacheWrite", 1m),
        ("input_audio_mtok", "audioInput", 1m),
        ("output_audio_mtok", "audioOutput", 1m),
        ("requests_kcount", "perRequest", 0.001m),
    ];

    public static List<ImportedModelPrice> Read(JsonElement root, DateOnly today, List<string> errors, ref int skipped)
    {
        var models = new List<ImportedModelPrice>();
        var seen = new HashSet<(string, string)>();
        foreach (var provider in root.EnumerateArray())
        {
            if (provider.ValueKind != JsonValueKind.Object || !provider.TryGetProperty("models", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                skipped++;
                continue;
            }

            var vendor = Str(provider, "id");
            var providerId = vendor is null ? null : PriceImportRules.FromGenAIPrices(vendor);
            if (providerId is null)
            {
                skipped += list.GetArrayLength();
                continue;
            }

            foreach (var model in list.EnumerateArray())
            {
                if (Str(model, "id") is not { Length: > 0 } id)
                {
                    skipped++;
                    continue;
                }

                var name = vendor + "/" + id;
                var modelId = PriceImportRules.NormalizeModelId(providerId, vendor!, id);
                var prices = ReadPrices(Pick(model, today), name, errors);
                if (prices.Count == 0 || !seen.Add((providerId, modelId.ToLowerInvariant())))
                {
                    skipped++;
                    continue;
                }

                models.Add(new ImportedModelPrice(providerId, modelId, name, prices)
                {
                    ContextWindow = model.TryGetProperty("context_window", out var cw) && cw.ValueKind == JsonValueKind.Number && cw.TryGetInt32(out var n) && n > 0 ? n : null,
                });
            }
        }

        return models;
    }

    /// <summary>The price object in force: the object itself, or the right one of a conditional list.</summary>
    private static JsonElement Pick(JsonElement model, DateOnly today)
    {
        if (!model.TryGetProperty("prices", out var prices))
        {
            return default;
        }

        if (prices.ValueKind != JsonValueKind.Array)
        {
            return prices;
        }

        JsonElement? first = null;
        JsonElement? chosen = null;
        foreach (var conditional in prices.EnumerateArray())
        {
            if (conditional.ValueKind != JsonValueKind.Object || !conditional.TryGetProperty("prices", out var p))
            {
                continue;
            }

            first ??= p;
            if (!conditional.TryGetProperty("constraint", out var constraint) || constraint.ValueKind == JsonValueKind.Null)
            {
                chosen = p;
            }
            else if (Str(constraint, "start_date") is { } start
                && DateOnly.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) && from <= today)
            {
                chosen = p;
            }
        }

        return chosen ?? first ?? default;
    }

    private static Dictionary<string, decimal> ReadPrices(JsonElement prices, string name, List<string> errors)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (prices.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var (source, field, factor) in Fields)
        {
            if (!prices.TryGetProperty(source, out var raw) || raw.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            // A tiered price: its base applies below the first tier (the catalog has no tiers; long prompts cost more).
            var owner = raw.ValueKind == JsonValueKind.Object ? raw : prices;
            var member = raw.ValueKind == JsonValueKind.Object ? "base" : source;
            if (PriceImportRules.TryReadNumber(owner, member, name, errors, out var value) && value is { } v)
            {
                PriceImportRules.AddPrice(result, field, PriceImportRules.Scale(v, factor), name, source, errors);
            }
        }

        return result;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
