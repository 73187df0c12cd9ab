// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AssistantProviders.Catalog;

/// <summary>
/// Reads LiteLLM's <c>model_prices_and_context_window.json</c> shape: per-token prices become per-1M-token catalog prices,
/// per-second transcription prices per-minute ones, per-character speech prices per-1K-character ones. Entries of providers we
/// do not have, of modes we do not route (completion, moderation, video…) and without any price are skipped; a kept entry with
/// a negative, absurd or non-numeric price fails the whole import.
/// </summary>
internal static partial class LiteLlmPriceReader
{
    private const decimal Million = 1_000_000m;

    public static List<ImportedModelPrice> Read(JsonElement root, List<string> errors, ref int skipped)
    {
        var models = new List<ImportedModelPrice>();
        var seen = new HashSet<(string, string)>();
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (property.Name == "sample_spec" || value.ValueKind != JsonValueKind.Object)
            {
                skipped++;
                continue;
            }

            var vendor = Str(value, "litellm_provider");
            var providerId = vendor is null ? null : PriceImportRules.FromLiteLlm(vendor);
            var mode = Str(value, "mode") ?? "chat";
            var capabilities = Capabilities(mode, value);
            if (providerId is null || capabilities is null || (mode == "image_generation" && SizedImageKey().IsMatch(property.Name)))
            {
                skipped++;
                continue;
            }

            var modelId = PriceImportRules.NormalizeModelId(providerId, vendor!, property.Name);
            var prices = ReadPrices(value, providerId, mode, property.Name, errors);
            if (prices.Count == 0 || !seen.Add((providerId, modelId.ToLowerInvariant())))
            {
                skipped++;
                continue;
            }

            models.Add(new ImportedModelPrice(providerId, modelId, property.Name, prices)
            {
                ContextWindow = PositiveInt(value, "max_input_tokens") ?? PositiveInt(value, "max_tokens"),
                MaxOutputTokens = PositiveInt(value, "max_output_tokens"),
                Capabilities = capabilities.Value,
            });
        }

        return models;
    }

    private static Dictionary<string, decimal> ReadPrices(JsonElement e, string providerId, string mode, string name, List<string> errors)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        PerToken(e, "input_cost_per_token", "input", prices, name, errors);
        PerToken(e, "output_cost_per_token", "output", prices, name, errors);
        PerToken(e, "cache_read_input_token_cost", "cachedInput", prices, name, errors);
        PerToken(e, "cache_creation_input_token_cost", "cacheWrite", prices, name, errors);
        PerToken(e, "output_cost_per_reasoning_token", "reasoning", prices, name, errors);
        PerToken(e, "input_cost_per_audio_token", "audioInput", prices, name, errors);
        PerToken(e, "output_cost_per_audio_token", "audioOutput", prices, name, errors);
        switch (mode)
        {
            case "audio_transcription":
                Scaled(e, "input_cost_per_second", "perAudioMinute", 60m, prices, name, errors);
                break;
            case "audio_speech":
                Scaled(e, "input_cost_per_character", "perThousandCharacters", 1000m, prices, name, errors);
                break;
            case "image_generation":
                Scaled(e, "output_cost_per_image", "perImage", 1m, prices, name, errors);
                break;
            case "rerank":
                Scaled(e, "input_cost_per_query", "perRequest", 1m, prices, name, errors);
                break;
            default:
                break;
        }

        // Perplexity's search fee per request (low search context, like the embedded catalog). Other vendors' web-search tool
        // fees are billed only when the tool runs, so they never become a per-request price.
        if (providerId == "perplexity" && e.TryGetProperty("search_context_cost_per_query", out var search) && search.ValueKind == JsonValueKind.Object)
        {
            Scaled(search, "search_context_size_low", "perRequest", 1m, prices, name, errors);
        }

        return prices;
    }

    private static void PerToken(JsonElement e, string source, string field, Dictionary<string, decimal> prices, string name, List<string> errors) =>
        Scaled(e, source, field, Million, prices, name, errors);

    private static void Scaled(JsonElement e, string source, string field, decimal factor, Dictionary<string, decimal> prices, string name, List<string> errors)
    {
        if (PriceImportRules.TryReadNumber(e, source, name, errors, out var raw) && raw is { } value)
        {
            PriceImportRules.AddPrice(prices, field, PriceImportRules.Scale(value, factor), name, source, errors);
        }
    }

    private static ModelCapabilities? Capabilities(string mode, JsonElement e) => mode switch
    {
        "chat" or "responses" => ModelCapabilities.Chat | ModelCapabilities.Streaming
            | (Flag(e, "supports_function_calling") ? ModelCapabilities.Tools : ModelCapabilities.None)
            | (Flag(e, "supports_vision") ? ModelCapabilities.Vision : ModelCapabilities.None)
            | (Flag(e, "supports_response_schema") ? ModelCapabilities.Json : ModelCapabilities.None),
        "embedding" => ModelCapabilities.Embeddings,
        "audio_transcription" => ModelCapabilities.SpeechToText,
        "audio_speech" => ModelCapabilities.TextToSpeech,
        "image_generation" => ModelCapabilities.Image,
        "rerank" => ModelCapabilities.Rerank,
        _ => null,
    };

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? PositiveInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0 ? n : null;

    /// <summary>LiteLLM prices image models per size under keys such as <c>hd/1024-x-1792/dall-e-3</c>: not model ids.</summary>
    [GeneratedRegex(@"\d+-x-\d+", RegexOptions.CultureInvariant)]
    private static partial Regex SizedImageKey();
}
