// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.RegularExpressions;

namespace AssistantProviders.Catalog;

/// <summary>
/// Produces the ids a vendor model id may be priced under, most specific first: the id itself, the id without a
/// routing prefix (<c>models/</c> for Gemini, <c>accounts/fireworks/models/</c> for Fireworks), then with dated or
/// versioned suffixes removed (<c>gpt-4.1-nano-2025-04-14</c>, <c>claude-sonnet-4-20250514</c>, <c>-latest</c>,
/// <c>mistral-large-2411</c>, <c>-preview-05-20</c>, <c>:provider</c>), each also tried with <c>-latest</c> appended.
/// </summary>
internal static partial class ModelIdResolver
{
    private static readonly string[] Prefixes = ["accounts/fireworks/models/", "models/", "tunedModels/"];

    public static IEnumerable<string> Candidates(string modelId)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var id = modelId.Trim();
        if (seen.Add(id))
        {
            yield return id;
        }

        foreach (var prefix in Prefixes)
        {
            if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && id.Length > prefix.Length)
            {
                id = id[prefix.Length..];
                if (seen.Add(id))
                {
                    yield return id;
                }

                break;
            }
        }

        var current = id;
        for (var guard = 0; guard < 6; guard++)
        {
            var stripped = StripOnce(current);
            if (stripped is null || stripped.Length == 0)
            {
                break;
            }

            current = stripped;
            if (seen.Add(current))
            {
                yield return current;
            }

            var latest = current + "-latest";
            if (seen.Add(latest))
            {
                yield return latest;
            }
        }
    }

    private static string? StripOnce(string id)
    {
        foreach (var regex in new[] { ProviderSuffix(), IsoDate(), CompactDate(), Latest(), Preview(), Experimental(), MonthYear(), FourDigits(), ThreeDigits() })
        {
            var m = regex.Match(id);
            if (m.Success && m.Index > 0)
            {
                return id[..m.Index];
            }
        }

        return null;
    }

    [GeneratedRegex(@":[^/:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderSuffix();

    [GeneratedRegex(@"-\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"-\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"-latest$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Latest();

    [GeneratedRegex(@"-preview(-\d{2}-\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Preview();

    [GeneratedRegex(@"-exp(-\d{2}-\d{2}|-\d{4})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Experimental();

    [GeneratedRegex(@"-\d{2}-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"-\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThreeDigits();
}
