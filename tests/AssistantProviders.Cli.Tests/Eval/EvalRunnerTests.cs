// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cli.Eval;
using AssistantProviders.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Cli.Tests.Eval;

/// <summary>The runner over a scripted router: every case on every route, errors kept, summaries, and the routing table it writes.</summary>
public sealed class EvalRunnerTests
{
    private static readonly EvalCase[] Cases =
    [
        new("1", "What is 2 + 2?", "simple", "4", null),
        new("2", "Name a fruit", "simple", "apple", null),
        new("3", "Explain recursion", "code", null, "recursion base case"),
        new("4", "Tell a joke", "general", null, null),
    ];

    private static ScriptedChatClient Router() => new(model => model switch
    {
        "good/m" => "4 apple recursion needs a base case",
        "cheap/m" => "4",
        "broken/m" => throw new InvalidOperationException("down"),
        _ => "?",
    })
    {
        Costs = { ["good/m"] = 0.002m, ["cheap/m"] = 0.0001m },
    };

    [Fact]
    public async Task Every_case_runs_on_every_route_and_a_failure_is_a_result_with_its_error()
    {
        var router = Router();
        var progress = new List<(int, int)>();
        var results = await new EvalRunner(router, new KeywordRubricEvaluator()).RunAsync(Cases, ["good/m", "cheap/m", "broken/m"], (done, total) => progress.Add((done, total)), TestContext.Current.CancellationToken);

        Assert.Equal(12, results.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (i, 12)), progress);
        Assert.All(results.Where(r => r.Route == "broken/m"), r => Assert.Equal("InvalidOperationException: down", r.Error));
        var cheap = results.Single(r => r.Route == "cheap/m" && r.CaseId == "1");
        Assert.Equal(1d, cheap.Quality);
        Assert.Equal("Exact match", cheap.Metric);
        Assert.Equal(0.0001m, cheap.CostUsd);
        Assert.NotNull(cheap.TimeToFirstToken);
        Assert.Equal(1d, results.Single(r => r.Route == "good/m" && r.CaseId == "3").Quality); // "recursion", "base", "case": every key word (4+ letters).
        Assert.Equal(0d, results.Single(r => r.Route == "cheap/m" && r.CaseId == "3").Quality);
        Assert.Equal(0.25d, results.Single(r => r.Route == "good/m" && r.CaseId == "1").Quality); // Token F1: 1 of 7 words, P 1/7, R 1.
        Assert.Null(results.Single(r => r.Route == "good/m" && r.CaseId == "4").Quality);
    }

    [Fact]
    public async Task The_routing_table_ranks_by_quality_then_cost_leaves_out_errors_and_routes_over_the_cap_and_binds_as_configuration()
    {
        var results = await new EvalRunner(Router(), new KeywordRubricEvaluator()).RunAsync(Cases, ["cheap/m", "good/m", "broken/m"], null, TestContext.Current.CancellationToken);
        var summaries = EvalRouteSummary.From(results);

        var simple = summaries.Where(s => s.Task == "simple").ToList();
        Assert.Equal(["cheap/m", "good/m", "broken/m"], simple.Select(s => s.Route));
        Assert.Equal(0.5d, simple[0].MeanQuality);
        Assert.Equal(0.25d, simple[1].MeanQuality);
        Assert.Equal(2, simple[2].Errors);

        var table = EvalReport.RoutingTable(summaries, maxCostPerCase: null);
        Assert.Equal(["cheap/m", "good/m"], table["simple"].Select(s => s.Route));
        Assert.Equal(["good/m", "cheap/m"], table["code"].Select(s => s.Route));
        Assert.False(table.ContainsKey("general"), "no scored case, no ranking");
        var capped = EvalReport.RoutingTable(summaries, maxCostPerCase: 0.001m);
        Assert.Equal(["cheap/m"], capped["simple"].Select(s => s.Route));

        var folder = Directory.CreateTempSubdirectory("eval-").FullName;
        try
        {
            var info = new EvalRunInfo("run1", DateTimeOffset.UnixEpoch, "set.jsonl", ["cheap/m", "good/m"], "deterministic");
            var routing = Path.Combine(folder, "routing.json");
            await EvalReport.WriteRoutingTableAsync(routing, info, table, null, TestContext.Current.CancellationToken);
            await EvalReport.WriteResultsAsync(Path.Combine(folder, "results.json"), info, results, summaries, TestContext.Current.CancellationToken);

            var configuration = new ConfigurationBuilder().AddJsonFile(routing).Build();
            using var services = new ServiceCollection().AddAssistantProviders(configuration).Services.BuildServiceProvider();
            var options = services.GetRequiredService<IOptions<RoutingOptions>>().Value;
            Assert.Equal(["cheap/m", "good/m"], options.Tasks["simple"]);
            Assert.Equal(["good/m", "cheap/m"], options.Tasks["code"]);
            Assert.Equal(["cheap/m", "good/m"], options.Auto.Tiers["simple"]);
            Assert.False(options.Auto.Tiers.ContainsKey("code"), "only tasks named like a tier become tier pools");

            using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json"), TestContext.Current.CancellationToken));
            Assert.Equal(12, document.RootElement.GetProperty("cases").GetArrayLength());
            Assert.Equal("run1", document.RootElement.GetProperty("runId").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EvalRunner(Router(), new KeywordRubricEvaluator()).RunAsync(Cases, ["good/m"], null, cancelled.Token));
    }
}
