// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders;
using Microsoft.Extensions.AI;
using AssistantProviders.Budgets;
using AssistantProviders.Routing;
using AssistantProviders.Usage;

namespace QuickStart;

/// <summary>Renders QuickStart results as readable console tables.</summary>
internal static class Report
{
    public static void Served(AdditionalPropertiesDictionary? properties, string? model, TimeSpan elapsed, CostDetails? cost)
    {
        var provider = properties?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p?.ToString() : "?";
        Console.WriteLine($"Served by: {provider}/{model} in {elapsed.TotalMilliseconds:0} ms, cost {cost?.ToString() ?? "n/a"}");

        if (properties?.TryGetValue(AssistantProviderProperties.Attempts, out var a) == true && a is IEnumerable<RouteAttempt> attempts)
        {
            var rows = attempts.Select((x, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture),
                x.Provider,
                x.Model ?? "-",
                x.Outcome.ToString(),
                x.ErrorKind?.ToString() ?? "-",
                $"{x.Latency.TotalMilliseconds:0} ms",
                x.Cost?.Total is { } t ? t.ToString("0.########", CultureInfo.InvariantCulture) : "-",
            }).ToList();
            Console.WriteLine(rows.Count > 1 ? "Failover happened. Attempts:" : "Attempts:");
            Table(["#", "provider", "model", "outcome", "error", "latency", "cost $"], rows);
        }

        if (properties?.TryGetValue(AssistantProviderProperties.RouteExplanation, out var e) == true && e is not null)
        {
            Console.WriteLine($"Route:    {e}");
        }
    }

    public static void Usage(UsageSnapshot snapshot)
    {
        var rows = snapshot.Rows.Select(r => new[]
        {
            r.ProviderId,
            r.ModelId,
            r.Requests.ToString(CultureInfo.InvariantCulture),
            r.Errors.ToString(CultureInfo.InvariantCulture),
            r.InputTokens.ToString(CultureInfo.InvariantCulture),
            r.OutputTokens.ToString(CultureInfo.InvariantCulture),
            r.P50Latency is { } l ? $"{l.TotalMilliseconds:0} ms" : "-",
            r.P50TimeToFirstToken is { } t ? $"{t.TotalMilliseconds:0} ms" : "-",
            r.Cost.ToString("0.########", CultureInfo.InvariantCulture),
        }).ToList();
        Table(["provider", "model", "requests", "errors", "in tok", "out tok", "p50 latency", "p50 TTFT", "cost $"], rows);
        Console.WriteLine($"Total: {snapshot.TotalRequests} requests, {snapshot.TotalErrors} errors, {snapshot.TotalCost.ToString("0.########", CultureInfo.InvariantCulture)} USD");
    }

    public static void Budgets(IReadOnlyList<BudgetStatus> budgets)
    {
        foreach (var b in budgets)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Budget {b.Name}: spent {b.Spent:0.######} of {b.Limit:0.##} USD ({b.Remaining:0.######} left, resets {b.ResetsAt:yyyy-MM-dd HH:mm} UTC)"));
        }

        if (budgets.Count == 0)
        {
            Console.WriteLine("Budgets: none configured (see AssistantProviders:Budgets).");
        }
    }

    private static void Table(string[] headers, List<string[]> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine(Line(headers));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row));
        }
    }
}
