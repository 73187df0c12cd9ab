// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;

namespace AssistantProviders.Catalog;

/// <summary>
/// What an imported price file may hold: the provider id map (file vendor names to ours), the plausibility limits of each price
/// field, and the helpers both readers share. Local servers (Ollama, LM Studio, MLX) and the emulator are never imported: they
/// cost nothing by definition.
/// </summary>
internal static class PriceImportRules
{
    /// <summary>The most models one file may yield (a bound on memory and on the override file).</summary>
    public const int MaxModels = 100_000;

    /// <summary>The most errors listed in one message; the rest are counted.</summary>
    public const int MaxListedErrors = 10;

    /// <summary>Above this a per-1M-token price is taken as a unit mistake, not a price (the dearest list price is far below).</summary>
    public const decimal MaxPerMillionTokens = 10_000m;

    /// <summary>Above this a per-unit price (per minute, per 1K characters, per image, per request, per second) is taken as a mistake.</summary>
    public const decimal MaxPerUnit = 100m;

    /// <summary>The per-1M-token fields; every other field is per unit.</summary>
    public static readonly string[] TokenFields = ["input", "output", "cachedInput", "cacheWrite", "reasoning", "audioInput", "audioOutput"];

    /// <summary>Every price field an import may set, in the order the override file writes them.</summary>
    public static readonly string[] AllFields =
        ["input", "output", "cachedInput", "cacheWrite", "reasoning", "audioInput", "audioOutput", "perAudioMinute", "perThousandCharacters", "perImage", "perRequest"];

    private static readonly Dictionary<string, string> LiteLlmProviders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = "openai",
        ["anthropic"] = "anthropic",
        ["gemini"] = "gemini",
        ["groq"] = "groq",
        ["perplexity"] = "perplexity",
        ["mistral"] = "mistral",
        ["cohere"] = "cohere",
        ["cohere_chat"] = "cohere",
        ["together_ai"] = "together",
        ["fireworks_ai"] = "fireworks",
        ["fireworks_ai-embedding-models"] = "fireworks",
        ["huggingface"] = "huggingface",
        ["replicate"] = "replicate",
        ["deepgram"] = "deepgram",
        ["elevenlabs"] = "elevenlabs",
        ["assemblyai"] = "assemblyai",
    };

    private static readonly Dictionary<string, string> GenAIPricesProviders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = "openai",
        ["anthropic"] = "anthropic",
        ["google"] = "gemini",
        ["groq"] = "groq",
        ["mistral"] = "mistral",
        ["cohere"] = "cohere",
        ["together"] = "together",
        ["fireworks"] = "fireworks",
        ["perplexity"] = "perplexity",
    };

    /// <summary>Maps a LiteLLM <c>litellm_provider</c> to our provider id, or <see langword="null"/> when we have no such provider.</summary>
    public static string? FromLiteLlm(string vendor) => LiteLlmProviders.GetValueOrDefault(vendor);

    /// <summary>Maps a genai-prices provider <c>id</c> to our provider id, or <see langword="null"/>.</summary>
    public static string? FromGenAIPrices(string vendor) => GenAIPricesProviders.GetValueOrDefault(vendor);

    /// <summary>The model id our provider's API uses: without the file's routing prefix (<c>groq/</c>, <c>accounts/fireworks/models/</c>).</summary>
    public static string NormalizeModelId(string providerId, string vendor, string key)
    {
        var id = key.Trim();
        foreach (var prefix in (string[])[vendor + "/", providerId + "/", VendorAlias(vendor)])
        {
            if (prefix.Length > 1 && id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && id.Length > prefix.Length)
            {
                id = id[prefix.Length..];
                break;
            }
        }

        const string Fireworks = "accounts/fireworks/models/";
        if (providerId == "fireworks" && id.StartsWith(Fireworks, StringComparison.OrdinalIgnoreCase) && id.Length > Fireworks.Length)
        {
            id = id[Fireworks.Length..];
        }

        return id;
    }

    /// <summary>Reads a price as a decimal (<see langword="null"/> when absent or JSON null); a non-number is an error.</summary>
    public static bool TryReadNumber(JsonElement owner, string name, string entryName, List<string> errors, out decimal? value)
    {
        value = null;
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var number))
        {
            errors.Add($"'{entryName}': '{name}' is not a number ({Shorten(element.GetRawText())}).");
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>Adds a converted price after the plausibility checks (negative, or absurd for its unit).</summary>
    public static void AddPrice(Dictionary<string, decimal> prices, string field, decimal value, string entryName, string sourceField, List<string> errors)
    {
        if (value < 0m)
        {
            errors.Add($"'{entryName}': '{sourceField}' is negative ({value.ToString(CultureInfo.InvariantCulture)}).");
            return;
        }

        var max = TokenFields.Contains(field) ? MaxPerMillionTokens : MaxPerUnit;
        if (value > max)
        {
            var unit = TokenFields.Contains(field) ? "USD per 1M tokens" : "USD per unit";
            errors.Add($"'{entryName}': '{sourceField}' gives {value.ToString("0.######", CultureInfo.InvariantCulture)} {unit} for '{field}', above the {max.ToString(CultureInfo.InvariantCulture)} limit; the file is probably in other units.");
            return;
        }

        prices[field] = Round(value);
    }

    /// <summary>Per-token to per-1M-token (and the like), rounded to ten decimals so binary noise never shows as a price move.</summary>
    public static decimal Scale(decimal value, decimal factor)
    {
        try
        {
            return Round(value * factor);
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static decimal Round(decimal value) => Math.Round(value, 10, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    private static string VendorAlias(string vendor) => vendor.ToLowerInvariant() switch
    {
        "cohere_chat" => "cohere/",
        "fireworks_ai-embedding-models" => "fireworks_ai/",
        _ => string.Empty,
    };
}
