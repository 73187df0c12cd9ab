// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Perplexity.Internal;

/// <summary>Pure mapping of Perplexity's response extras: citations, search results, search-request usage, images, related questions.</summary>
internal static partial class PerplexityMapper
{
    /// <summary>
    /// Builds one <see cref="CitationAnnotation"/> per <c>citations</c> URL (in marker order, titled from the matching
    /// <c>search_results</c> entry), then one per search result that no citation names. With <paramref name="text"/>, each
    /// <c>[n]</c> marker becomes a <see cref="TextSpanAnnotatedRegion"/> of the n-th citation.
    /// </summary>
    public static List<AIAnnotation> ToAnnotations(Dictionary<string, JsonElement>? extra, string? text)
    {
        var result = new List<AIAnnotation>();
        if (extra is null)
        {
            return result;
        }

        var searchResults = new List<(string Url, JsonElement Item)>();
        if (extra.TryGetValue("search_results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in results.EnumerateArray())
            {
                if (Str(item, "url") is { Length: > 0 } url)
                {
                    searchResults.Add((url, item));
                }
            }
        }

        var cited = new List<CitationAnnotation?>();
        var citedUrls = new HashSet<string>(StringComparer.Ordinal);
        if (extra.TryGetValue("citations", out var citations) && citations.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in citations.EnumerateArray())
            {
                var url = item.ValueKind == JsonValueKind.String ? item.GetString() : Str(item, "url");
                var match = searchResults.FindIndex(r => r.Url == url);
                var annotation = url is null ? null : Create(url, match >= 0 ? searchResults[match].Item : null);
                cited.Add(annotation);
                if (annotation is not null)
                {
                    citedUrls.Add(url!);
                    result.Add(annotation);
                }
            }
        }

        foreach (var (url, item) in searchResults)
        {
            if (!citedUrls.Contains(url) && Create(url, item) is { } annotation)
            {
                result.Add(annotation);
            }
        }

        if (text is not null)
        {
            foreach (Match marker in CitationMarker().Matches(text))
            {
                if (int.TryParse(marker.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) &&
                    n >= 1 && n <= cited.Count && cited[n - 1] is { } annotation)
                {
                    (annotation.AnnotatedRegions ??= []).Add(new TextSpanAnnotatedRegion { StartIndex = marker.Index, EndIndex = marker.Index + marker.Length });
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Adds <c>SearchRequests</c> (Perplexity's <c>num_search_queries</c>, or 1 for a <c>sonar*</c> model that does not report it),
    /// <c>CitationTokens</c> and reasoning tokens to <paramref name="usage"/>, so the engine can cost the per-search fee.
    /// </summary>
    public static void AddSearchRequests(UsageDetails usage, WireUsage? wire, string? modelId)
    {
        var searches = Long(wire?.Extra, "num_search_queries");
        if (searches is null && modelId is not null && modelId.StartsWith("sonar", StringComparison.OrdinalIgnoreCase))
        {
            searches = 1;
        }

        if (searches is { } n)
        {
            (usage.AdditionalCounts ??= [])[PerplexityChatClient.SearchRequestsUsageKey] = n;
        }

        if (Long(wire?.Extra, "citation_tokens") is { } citationTokens)
        {
            (usage.AdditionalCounts ??= [])["CitationTokens"] = citationTokens;
        }

        usage.ReasoningTokenCount ??= Long(wire?.Extra, "reasoning_tokens");
    }

    /// <summary>Copies <c>images</c>, <c>related_questions</c> and the usage's <c>search_context_size</c> into additional properties.</summary>
    public static void CopyExtras(WireChatResponse wire, AdditionalPropertiesDictionary properties)
    {
        foreach (var name in (ReadOnlySpan<string>)["images", "related_questions"])
        {
            if (wire.Extra is { } extra && extra.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                properties[name] = value.Clone();
            }
        }

        if (wire.Usage?.Extra is { } usage && usage.TryGetValue("search_context_size", out var size) && size.ValueKind == JsonValueKind.String)
        {
            properties["search_context_size"] = size.GetString();
        }
    }

    private static CitationAnnotation? Create(string url, JsonElement? searchResult)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var annotation = new CitationAnnotation { Url = uri, RawRepresentation = searchResult };
        if (searchResult is { } item)
        {
            annotation.Title = Str(item, "title");
            annotation.Snippet = Str(item, "snippet");
            if (Str(item, "date") is { } date)
            {
                (annotation.AdditionalProperties ??= [])["date"] = date;
            }
        }

        return annotation;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(Dictionary<string, JsonElement>? extra, string name) =>
        extra is not null && extra.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    [GeneratedRegex(@"\[(\d{1,3})\]", RegexOptions.CultureInvariant)]
    private static partial Regex CitationMarker();
}
