// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Eval;

/// <summary>One case on one route: the quality score (0–1) and what scored it, cost, latency, time to first token, or the error.</summary>
internal sealed record EvalCaseResult(
    string CaseId,
    string Task,
    string Route,
    double? Quality,
    string? Metric,
    string? Reason,
    decimal? CostUsd,
    TimeSpan Latency,
    TimeSpan? TimeToFirstToken,
    string? Error);
