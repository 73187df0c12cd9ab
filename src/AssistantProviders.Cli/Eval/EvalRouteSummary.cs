// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Eval;

/// <summary>One route on one task: cases, mean quality over the scored cases, cost per case, median latency and TTFT, errors.</summary>
internal sealed record EvalRouteSummary(
    string Task,
    string Route,
    int Cases,
    int Scored,
    double? MeanQuality,
    decimal? CostPerCaseUsd,
    TimeSpan MedianLatency,
    TimeSpan? MedianTimeToFirstToken,
    int Errors)
{
    public static IReadOnlyList<EvalRouteSummary> From(IEnumerable<EvalCaseResult> results) =>
        [.. results.GroupBy(r => (r.Task, r.Route))
            .Select(g =>
            {
                var items = g.ToList();
                var scored = items.Where(r => r.Quality is not null).Select(r => r.Quality!.Value).ToList();
                var costs = items.Where(r => r.CostUsd is not null).Select(r => r.CostUsd!.Value).ToList();
                var ttfts = items.Where(r => r.TimeToFirstToken is not null).Select(r => r.TimeToFirstToken!.Value).ToList();
                return new EvalRouteSummary(
                    g.Key.Task,
                    g.Key.Route,
                    items.Count,
                    scored.Count,
                    scored.Count == 0 ? null : Math.Round(scored.Average(), 4),
                    costs.Count == 0 ? null : costs.Sum() / costs.Count,
                    Median(items.Select(r => r.Latency).ToList()) ?? TimeSpan.Zero,
                    Median(ttfts),
                    items.Count(r => r.Error is not null));
            })
            .OrderBy(s => s.Task, StringComparer.Ordinal)
            .ThenByDescending(s => s.MeanQuality ?? -1)
            .ThenBy(s => s.CostPerCaseUsd ?? decimal.MaxValue)];

    private static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return values[values.Count / 2];
    }
}
