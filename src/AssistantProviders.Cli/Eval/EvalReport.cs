// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using AssistantProviders.Routing;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// Writes an eval run: the experiment record (every case result and the per-route summaries, as JSON) and the routing table
/// (<c>AssistantProviders:Routing:Tasks</c>, and <c>Routing:Auto:Tiers</c> for tasks named like a tier) that
/// <see cref="RoutingStrategy.BestForTask"/> and <see cref="RoutingStrategy.Auto"/> read, with the evidence beside it.
/// </summary>
internal static class EvalReport
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    private static readonly HashSet<string> TierNames = new(StringComparer.OrdinalIgnoreCase) { RequestTiers.Simple, RequestTiers.Medium, RequestTiers.Complex, RequestTiers.Reasoning };

    /// <summary>The routes of each task, best first: no error, cost per case within the cap, then quality (high first) and cost (low first).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EvalRouteSummary>> RoutingTable(IReadOnlyList<EvalRouteSummary> summaries, decimal? maxCostPerCase)
    {
        var table = new SortedDictionary<string, IReadOnlyList<EvalRouteSummary>>(StringComparer.Ordinal);
        foreach (var task in summaries.GroupBy(s => s.Task))
        {
            var ranked = task
                .Where(s => s.Errors == 0 && s.MeanQuality is not null)
                .Where(s => maxCostPerCase is null || (s.CostPerCaseUsd ?? 0m) <= maxCostPerCase)
                .OrderByDescending(s => s.MeanQuality)
                .ThenBy(s => s.CostPerCaseUsd ?? 0m)
                .ThenBy(s => s.Route, StringComparer.Ordinal)
                .ToList();
            if (ranked.Count > 0)
            {
                table[task.Key] = ranked;
            }
        }

        return table;
    }

    public static async Task WriteResultsAsync(string path, EvalRunInfo info, IReadOnlyList<EvalCaseResult> results, IReadOnlyList<EvalRouteSummary> summaries, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartObject();
        json.WriteString("runId", info.RunId);
        json.WriteString("startedAt", info.StartedAt);
        json.WriteString("dataset", info.Dataset);
        json.WriteString("judge", info.Judge);
        json.WriteStartArray("routes");
        foreach (var route in info.Routes)
        {
            json.WriteStringValue(route);
        }

        json.WriteEndArray();
        json.WriteStartArray("summaries");
        foreach (var s in summaries)
        {
            json.WriteStartObject();
            json.WriteString("task", s.Task);
            json.WriteString("route", s.Route);
            json.WriteNumber("cases", s.Cases);
            json.WriteNumber("scored", s.Scored);
            WriteNumber(json, "meanQuality", s.MeanQuality);
            WriteNumber(json, "costPerCaseUsd", s.CostPerCaseUsd);
            json.WriteNumber("medianLatencyMs", Math.Round(s.MedianLatency.TotalMilliseconds, 3));
            WriteNumber(json, "medianTimeToFirstTokenMs", s.MedianTimeToFirstToken is { } t ? Math.Round(t.TotalMilliseconds, 3) : null);
            json.WriteNumber("errors", s.Errors);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cases");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("id", r.CaseId);
            json.WriteString("task", r.Task);
            json.WriteString("route", r.Route);
            WriteNumber(json, "quality", r.Quality);
            json.WriteString("metric", r.Metric);
            json.WriteString("reason", r.Reason);
            WriteNumber(json, "costUsd", r.CostUsd);
            json.WriteNumber("latencyMs", Math.Round(r.Latency.TotalMilliseconds, 3));
            WriteNumber(json, "timeToFirstTokenMs", r.TimeToFirstToken is { } t ? Math.Round(t.TotalMilliseconds, 3) : null);
            json.WriteString("error", r.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteRoutingTableAsync(string path, EvalRunInfo info, IReadOnlyDictionary<string, IReadOnlyList<EvalRouteSummary>> table, decimal? maxCostPerCase, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartObject();
        json.WriteStartObject("AssistantProviders");
        json.WriteStartObject("Routing");
        json.WriteStartObject("Tasks");
        foreach (var (task, ranked) in table)
        {
            WriteRoutes(json, task, ranked);
        }

        json.WriteEndObject();
        if (table.Keys.Any(TierNames.Contains))
        {
            json.WriteStartObject("Auto");
            json.WriteStartObject("Tiers");
            foreach (var (task, ranked) in table.Where(t => TierNames.Contains(t.Key)))
            {
                WriteRoutes(json, task, ranked);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();

        // The evidence: outside the AssistantProviders section, so configuration binding ignores it.
        json.WriteStartObject("Evidence");
        json.WriteString("runId", info.RunId);
        json.WriteString("dataset", info.Dataset);
        json.WriteString("judge", info.Judge);
        WriteNumber(json, "maxCostPerCaseUsd", maxCostPerCase);
        foreach (var (task, ranked) in table)
        {
            json.WriteStartArray(task);
            foreach (var s in ranked)
            {
                json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{s.Route}: quality {s.MeanQuality:0.###} over {s.Scored} cases, {s.CostPerCaseUsd ?? 0m:0.########} USD per case, p50 {s.MedianLatency.TotalMilliseconds:0} ms"));
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteRoutes(Utf8JsonWriter json, string task, IReadOnlyList<EvalRouteSummary> ranked)
    {
        json.WriteStartArray(task);
        foreach (var s in ranked)
        {
            json.WriteStringValue(s.Route);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
