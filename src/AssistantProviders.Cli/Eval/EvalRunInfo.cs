// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Eval;

/// <summary>What identifies an eval run (an experiment): its id, start, dataset, routes and judge.</summary>
internal sealed record EvalRunInfo(string RunId, DateTimeOffset StartedAt, string Dataset, IReadOnlyList<string> Routes, string Judge);
