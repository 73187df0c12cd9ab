// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Cli.Eval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Spectre.Console;

namespace AssistantProviders.Cli.Commands;

/// <summary>
/// <c>eval &lt;dataset.jsonl&gt;</c>: runs each case on each route, scores quality, records cost, latency and time to first
/// token, prints a table and a per-task chart, and writes the experiment (<c>results.json</c>) and the routing table
/// (<c>routing.json</c>) that <c>BestForTask</c> and <c>Auto</c> read. With <c>WANDB_API_KEY</c> set, the run is also
/// traced to W&amp;B (one span per case, with its scores).
/// </summary>
internal static class EvalCommand
{
    public const string Deterministic = "deterministic";

    public static async Task<int> RunAsync(CliHost host, string dataset, string? routes, string? judge, decimal? maxCost, string? output, CancellationToken cancellationToken)
    {
        IReadOnlyList<EvalCase> cases;
        try
        {
            cases = await EvalDataset.LoadAsync(dataset, cancellationToken);
        }
        catch (EvalDatasetException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return 2;
        }

        var chosen = ChooseRoutes(host, routes);
        if (chosen.Count == 0)
        {
            AnsiConsole.MarkupLine("[red]No route to evaluate: configure a provider key (or run with --emulator), or pass --routes provider/model,...[/]");
            return 2;
        }

        var judgeName = string.IsNullOrWhiteSpace(judge) ? Deterministic : judge.Trim();
        IEvaluator evaluator = string.Equals(judgeName, Deterministic, StringComparison.OrdinalIgnoreCase) ? new KeywordRubricEvaluator() : new RubricJudgeEvaluator(judgeName);
        var info = new EvalRunInfo(Guid.NewGuid().ToString("N")[..12], DateTimeOffset.UtcNow, Path.GetFileName(dataset), chosen, judgeName);
        var tracer = host.Services.GetService<TracerProvider>(); // Built only when W&B is configured; starts the exporter.
        var runner = new EvalRunner(host.Services.GetRequiredService<IChatClient>(), evaluator);

        IReadOnlyList<EvalCaseResult> results = [];
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask($"eval {info.Dataset}: {cases.Count} cases × {chosen.Count} routes", maxValue: cases.Count * chosen.Count);
            results = await runner.RunAsync(cases, chosen, (done, _) => bar.Value = done, cancellationToken);
        });

        var summaries = EvalRouteSummary.From(results);
        var table = EvalReport.RoutingTable(summaries, maxCost);
        Print(summaries, table, judgeName);

        var folder = output ?? Path.Combine(Directory.GetCurrentDirectory(), "eval-" + info.RunId);
        Directory.CreateDirectory(folder);
        var resultsPath = Path.Combine(folder, "results.json");
        var routingPath = Path.Combine(folder, "routing.json");
        await EvalReport.WriteResultsAsync(resultsPath, info, results, summaries, cancellationToken);
        await EvalReport.WriteRoutingTableAsync(routingPath, info, table, maxCost, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Experiment: [bold]{resultsPath}[/]");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Routing table (add it with AddJsonFile; BestForTask and Auto read it): [bold]{routingPath}[/]");
        if (tracer is not null)
        {
            tracer.ForceFlush(10_000);
            AnsiConsole.MarkupLine("Traced to W&B (WANDB_API_KEY): one span per case, with quality, cost and latency.");
        }

        return results.Count > 0 && results.All(r => r.Error is not null) ? 1 : 0;
    }

    internal static List<string> ChooseRoutes(CliHost host, string? routes)
    {
        if (!string.IsNullOrWhiteSpace(routes))
        {
            return [.. routes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        var chosen = new List<string>();
        foreach (var registration in host.Services.GetServices<ProviderRegistration>())
        {
            if (host.Services.GetKeyedService<IChatClient>(registration.Id) is null)
            {
                continue;
            }

            var options = registration.GetOptions(host.Services);
            var model = options.DefaultModel ?? registration.Descriptor.DefaultModel;
            if (options.Enabled && options.HasApiKey && model is not null)
            {
                chosen.Add(registration.Id + "/" + model);
            }
        }

        return chosen;
    }

    private static void Print(IReadOnlyList<EvalRouteSummary> summaries, IReadOnlyDictionary<string, IReadOnlyList<EvalRouteSummary>> table, string judge)
    {
        var grid = new Table().Title($"Eval (judge: {judge})").AddColumns("task", "route", "quality", "scored", "cost / case", "p50 latency", "p50 TTFT", "errors");
        foreach (var s in summaries)
        {
            grid.AddRow(
                Markup.Escape(s.Task),
                Markup.Escape(s.Route),
                s.MeanQuality?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                s.Scored.ToString(CultureInfo.InvariantCulture) + "/" + s.Cases.ToString(CultureInfo.InvariantCulture),
                s.CostPerCaseUsd?.ToString("0.########", CultureInfo.InvariantCulture) ?? "-",
                s.MedianLatency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
                s.MedianTimeToFirstToken is { } t ? t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "-",
                s.Errors == 0 ? "0" : "[red]" + s.Errors.ToString(CultureInfo.InvariantCulture) + "[/]");
        }

        AnsiConsole.Write(grid);
        foreach (var task in summaries.GroupBy(s => s.Task))
        {
            // Quality against cost: one bar per route, cheapest first, labelled with its cost per case.
            var chart = new BarChart().Label($"[bold]{Markup.Escape(task.Key)}[/]: quality (0-100) against cost per case").WithMaxValue(100);
            foreach (var s in task.OrderBy(s => s.CostPerCaseUsd ?? 0m))
            {
                var label = Markup.Escape(s.Route) + " @ " + (s.CostPerCaseUsd ?? 0m).ToString("0.########", CultureInfo.InvariantCulture) + " USD";
                chart.AddItem(label, Math.Round((s.MeanQuality ?? 0d) * 100d, 1), s.Errors > 0 ? Color.Red : Color.Green);
            }

            AnsiConsole.Write(chart);
        }

        foreach (var (task, ranked) in table)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Best for [bold]{task}[/]: {ranked[0].Route} (quality {ranked[0].MeanQuality:0.###}, {ranked[0].CostPerCaseUsd ?? 0m:0.########} USD per case)");
        }
    }
}
