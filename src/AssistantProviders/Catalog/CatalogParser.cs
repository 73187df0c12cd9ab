// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Catalog;

/// <summary>
/// Reads price catalog layers (the embedded JSON file, then the <c>AssistantProviders:Catalog</c> configuration section),
/// merges them field by field and validates the result. Errors name the source and the entry.
/// </summary>
internal static class CatalogParser
{
    private static readonly string[] PriceFields =
    [
        "input", "output", "cachedInput", "cacheWrite", "reasoning", "audioInput", "audioOutput",
        "perAudioMinute", "perThousandCharacters", "perImage", "perRequest", "perSecond",
    ];

    /// <summary>Turns a JSON document into a configuration tree, so both layers share one reader (no reflection: AOT-safe).</summary>
    public static IConfiguration JsonToConfiguration(string json, string source)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Flatten(doc.RootElement, null, data);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Price catalog '{source}' is not valid JSON: {ex.Message}", ex);
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }

    /// <summary>Reads one layer into <paramref name="providers"/>, overriding what earlier layers set.</summary>
    public static void ReadLayer(IConfiguration root, string source, Dictionary<string, CatalogProviderDraft> providers, CatalogMetadata metadata, List<string> errors)
    {
        var fileCurrency = root["currency"];
        if (root["pricesAsOf"] is { Length: > 0 } asOf)
        {
            if (DateOnly.TryParse(asOf, CultureInfo.InvariantCulture, out var date))
            {
                metadata.PricesAsOf = date;
            }
            else
            {
                errors.Add($"Price catalog '{source}': 'pricesAsOf' ('{asOf}') is not a date.");
            }
        }

        foreach (var s in root.GetSection("sources").GetChildren())
        {
            if (s.Value is { Length: > 0 } url)
            {
                metadata.Sources[s.Key] = url;
            }
        }

        foreach (var p in root.GetSection("providers").GetChildren())
        {
            var providerId = p.Key.ToLowerInvariant();
            if (!providers.TryGetValue(providerId, out var provider))
            {
                provider = new CatalogProviderDraft(providerId, source) { Currency = fileCurrency };
                providers[providerId] = provider;
            }

            if (p["currency"] is { } pc)
            {
                provider.Currency = pc;
            }

            provider.Locality = ReadLocality(p, source, providerId, errors) ?? provider.Locality;
            provider.Compliance = ReadList(p.GetSection("compliance")) ?? provider.Compliance;
            provider.Regions = ReadList(p.GetSection("regions")) ?? provider.Regions;

            foreach (var m in p.GetSection("models").GetChildren())
            {
                var modelId = m["id"] is { Length: > 0 } explicitId ? explicitId : m.Key;
                var entryName = providerId + "/" + modelId;
                if (!provider.Models.TryGetValue(modelId, out var draft))
                {
                    draft = new CatalogEntryDraft(modelId, source);
                    provider.Models[modelId] = draft;
                }
                else
                {
                    draft.Source = source;
                }

                foreach (var field in PriceFields)
                {
                    if (m[field] is not { } raw)
                    {
                        continue;
                    }

                    if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
                    {
                        errors.Add($"Price catalog '{source}' entry '{entryName}': price '{field}' ('{raw}') is not a number.");
                    }
                    else if (price < 0m)
                    {
                        errors.Add($"Price catalog '{source}' entry '{entryName}': price '{field}' is negative ({raw}).");
                    }
                    else
                    {
                        draft.Prices[field] = price;
                    }
                }

                foreach (var variant in m.GetSection("imagePrices").GetChildren())
                {
                    ReadImagePrice(variant, source, entryName, draft, errors);
                }

                if (m["free"] is { } free)
                {
                    draft.Free = bool.TryParse(free, out var f) && f;
                }

                if (m["currency"] is { } currency)
                {
                    draft.Currency = currency;
                }

                draft.ContextWindow = ReadInt(m, "contextWindow", source, entryName, errors) ?? draft.ContextWindow;
                draft.MaxOutputTokens = ReadInt(m, "maxOutputTokens", source, entryName, errors) ?? draft.MaxOutputTokens;
                draft.Locality = ReadLocality(m, source, entryName, errors) ?? draft.Locality;
                draft.Compliance = ReadList(m.GetSection("compliance")) ?? draft.Compliance;
                draft.Regions = ReadList(m.GetSection("regions")) ?? draft.Regions;
                draft.Tasks = ReadList(m.GetSection("tasks")) ?? draft.Tasks;
                draft.Aliases = ReadList(m.GetSection("aliases")) ?? draft.Aliases;
                draft.DisplayName = m["displayName"] ?? draft.DisplayName;
                if (ReadList(m.GetSection("capabilities")) is { } caps)
                {
                    var value = ModelCapabilities.None;
                    foreach (var c in caps)
                    {
                        if (Enum.TryParse<ModelCapabilities>(c, ignoreCase: true, out var cap))
                        {
                            value |= cap;
                        }
                        else
                        {
                            errors.Add($"Price catalog '{source}' entry '{entryName}': unknown capability '{c}'.");
                        }
                    }

                    draft.Capabilities = value;
                }
            }
        }
    }

    /// <summary>Validates the merged drafts and builds the entries.</summary>
    public static List<CatalogEntry> Build(Dictionary<string, CatalogProviderDraft> providers, List<string> errors)
    {
        var entries = new List<CatalogEntry>();
        foreach (var provider in providers.Values)
        {
            foreach (var draft in provider.Models.Values)
            {
                var entryName = provider.ProviderId + "/" + draft.ModelId;
                var currency = draft.Currency ?? provider.Currency;
                if (string.IsNullOrWhiteSpace(currency))
                {
                    errors.Add($"Price catalog '{draft.Source}' entry '{entryName}': the currency is missing (set 'currency' on the entry, its provider or the file).");
                    continue;
                }

                if (currency.Length != 3 || !currency.All(char.IsAsciiLetter))
                {
                    errors.Add($"Price catalog '{draft.Source}' entry '{entryName}': currency '{currency}' is not an ISO 4217 code.");
                    continue;
                }

                entries.Add(new CatalogEntry
                {
                    ProviderId = provider.ProviderId,
                    ModelId = draft.ModelId,
                    Source = draft.Source,
                    Pricing = BuildPricing(draft, currency.ToUpperInvariant()),
                    ReasoningPerMillionTokens = Get(draft, "reasoning"),
                    AudioInputPerMillionTokens = Get(draft, "audioInput"),
                    AudioOutputPerMillionTokens = Get(draft, "audioOutput"),
                    PerSecond = Get(draft, "perSecond"),
                    ImagePrices = draft.ImagePrices.Count == 0 ? new Dictionary<string, decimal>() : new Dictionary<string, decimal>(draft.ImagePrices, StringComparer.OrdinalIgnoreCase),
                    ContextWindow = draft.ContextWindow,
                    MaxOutputTokens = draft.MaxOutputTokens,
                    Capabilities = draft.Capabilities ?? ModelCapabilities.None,
                    Locality = draft.Locality ?? provider.Locality ?? ProviderLocality.Cloud,
                    Compliance = draft.Compliance ?? provider.Compliance ?? [],
                    Regions = draft.Regions ?? provider.Regions ?? [],
                    Tasks = draft.Tasks ?? [],
                    Aliases = draft.Aliases ?? [],
                    DisplayName = draft.DisplayName,
                });
            }
        }

        return entries;
    }

    private static ModelPricing? BuildPricing(CatalogEntryDraft draft, string currency)
    {
        if (draft.Free != true && draft.Prices.Count == 0 && draft.ImagePrices.Count == 0)
        {
            return null;
        }

        var p = draft.Free == true ? ModelPricing.Free() : new ModelPricing();
        p.Currency = currency;
        p.InputPerMillionTokens = Get(draft, "input") ?? p.InputPerMillionTokens;
        p.OutputPerMillionTokens = Get(draft, "output") ?? p.OutputPerMillionTokens;
        p.CachedInputPerMillionTokens = Get(draft, "cachedInput") ?? p.CachedInputPerMillionTokens;
        p.CacheWritePerMillionTokens = Get(draft, "cacheWrite") ?? p.CacheWritePerMillionTokens;
        p.PerAudioMinute = Get(draft, "perAudioMinute") ?? p.PerAudioMinute;
        p.PerThousandCharacters = Get(draft, "perThousandCharacters") ?? p.PerThousandCharacters;
        p.PerImage = Get(draft, "perImage") ?? p.PerImage;
        p.PerRequest = Get(draft, "perRequest") ?? p.PerRequest;
        return p;
    }

    /// <summary>Reads one <c>imagePrices</c> entry: the key is <c>WxH</c> or <c>WxH/quality</c>, the value a price.</summary>
    private static void ReadImagePrice(IConfigurationSection variant, string source, string entryName, CatalogEntryDraft draft, List<string> errors)
    {
        if (!IsImageVariant(variant.Key))
        {
            errors.Add($"Price catalog '{source}' entry '{entryName}': image price key '{variant.Key}' is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'.");
            return;
        }

        var raw = variant.Value;
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
        {
            errors.Add($"Price catalog '{source}' entry '{entryName}': image price '{variant.Key}' ('{raw}') is not a number.");
        }
        else if (price < 0m)
        {
            errors.Add($"Price catalog '{source}' entry '{entryName}': image price '{variant.Key}' is negative ({raw}).");
        }
        else
        {
            draft.ImagePrices[variant.Key] = price;
        }
    }

    /// <summary>Whether <paramref name="key"/> is <c>WxH</c> or <c>WxH/quality</c> (digits, an <c>x</c>, digits, then letters).</summary>
    internal static bool IsImageVariant(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var size = slash < 0 ? key : key[..slash];
        var x = size.IndexOf('x', StringComparison.OrdinalIgnoreCase);
        if (x <= 0 || x == size.Length - 1 || !size[..x].All(char.IsAsciiDigit) || !size[(x + 1)..].All(char.IsAsciiDigit))
        {
            return false;
        }

        return slash < 0 || (slash < key.Length - 1 && key[(slash + 1)..].All(char.IsAsciiLetter));
    }

    private static decimal? Get(CatalogEntryDraft draft, string field) => draft.Prices.TryGetValue(field, out var v) ? v : null;

    private static int? ReadInt(IConfigurationSection s, string field, string source, string entryName, List<string> errors)
    {
        if (s[field] is not { } raw)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        errors.Add($"Price catalog '{source}' entry '{entryName}': '{field}' ('{raw}') must be a positive integer.");
        return null;
    }

    private static ProviderLocality? ReadLocality(IConfigurationSection s, string source, string entryName, List<string> errors)
    {
        if (s["locality"] is not { } raw)
        {
            return null;
        }

        if (Enum.TryParse<ProviderLocality>(raw, ignoreCase: true, out var locality))
        {
            return locality;
        }

        errors.Add($"Price catalog '{source}' entry '{entryName}': locality '{raw}' is neither 'cloud' nor 'local'.");
        return null;
    }

    private static List<string>? ReadList(IConfigurationSection s)
    {
        if (!s.Exists())
        {
            return null;
        }

        return [.. s.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> data)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.StartsWith('$'))
                    {
                        continue;
                    }

                    if (property.Name.Contains(':', StringComparison.Ordinal))
                    {
                        // Configuration keys cannot hold ':' (Ollama tags like llama3:8b): store under a synthetic key with an explicit id.
                        var key = Combine(prefix, "__id" + index++.ToString(CultureInfo.InvariantCulture));
                        data[key + ":id"] = property.Name;
                        Flatten(property.Value, key, data);
                    }
                    else
                    {
                        Flatten(property.Value, Combine(prefix, property.Name), data);
                    }
                }

                if (prefix is not null && index == 0 && !element.EnumerateObject().Any())
                {
                    data[prefix] = null;
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, Combine(prefix, i++.ToString(CultureInfo.InvariantCulture)), data);
                }

                if (i == 0 && prefix is not null)
                {
                    // An empty list still "exists", so an empty compliance list overrides.
                    data[prefix] = string.Empty;
                }

                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                data[prefix ?? string.Empty] = element.GetString();
                break;
            default:
                data[prefix ?? string.Empty] = element.GetRawText();
                break;
        }
    }

    private static string Combine(string? prefix, string key) => prefix is null ? key : prefix + ":" + key;
}
