// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// Runs every case on every route through the router (each route pinned as <c>provider/model</c>, streamed so the time to
/// first token is measured), scores it with <c>Microsoft.Extensions.AI.Evaluation</c> evaluators, and records the cost the
/// router reports. A failing call is a result with its error, never a lost case. Cases run one at a time, in order.
/// </summary>
internal sealed class EvalRunner
{
    public static readonly ActivitySource Source = new("AssistantProviders.Eval");

    private readonly IChatClient _router;
    private readonly ExpectedAnswerEvaluator _expected = new();
    private readonly IEvaluator _judge;
    private readonly ChatConfiguration _judgeConfiguration;
    private readonly TimeProvider _time;

    public EvalRunner(IChatClient router, IEvaluator judge, TimeProvider? time = null)
    {
        _router = router;
        _judge = judge;
        _judgeConfiguration = new ChatConfiguration(router);
        _time = time ?? TimeProvider.System;
    }

    public async Task<IReadOnlyList<EvalCaseResult>> RunAsync(IReadOnlyList<EvalCase> cases, IReadOnlyList<string> routes, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var results = new List<EvalCaseResult>(cases.Count * routes.Count);
        var total = cases.Count * routes.Count;
        using var run = Source.StartActivity("assistant_providers.eval");
        run?.SetTag("eval.cases", cases.Count);
        run?.SetTag("eval.routes", string.Join(",", routes));
        foreach (var item in cases)
        {
            foreach (var route in routes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await RunOneAsync(item, route, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                progress?.Invoke(results.Count, total);
            }
        }

        return results;
    }

    private async Task<EvalCaseResult> RunOneAsync(EvalCase item, string route, CancellationToken cancellationToken)
    {
        using var span = Source.StartActivity("assistant_providers.eval.case");
        span?.SetTag("eval.case", item.Id);
        span?.SetTag("eval.task", item.Task);
        span?.SetTag("eval.route", route);
        List<ChatMessage> messages = [new(ChatRole.User, item.Prompt)];
        var options = new ChatOptions
        {
            ModelId = route,
            AdditionalProperties = new() { [AssistantProviderProperties.Task] = item.Task },
        };
        var started = _time.GetTimestamp();
        TimeSpan? ttft = null;
        var updates = new List<ChatResponseUpdate>();
        CostDetails? cost = null;
        try
        {
            await foreach (var update in _router.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                if (ttft is null && !string.IsNullOrEmpty(update.Text))
                {
                    ttft = _time.GetElapsedTime(started);
                }

                cost = update.GetCost() ?? cost;
                updates.Add(update);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return new EvalCaseResult(item.Id, item.Task, route, null, null, null, cost?.Total, _time.GetElapsedTime(started), ttft, ex.GetType().Name + ": " + ex.Message);
        }

        var latency = _time.GetElapsedTime(started);
        var response = updates.ToChatResponse();
        var (quality, metric, reason) = await ScoreAsync(item, messages, response, cancellationToken).ConfigureAwait(false);
        span?.SetTag("eval.quality", quality);
        span?.SetTag("eval.cost_usd", (double?)cost?.Total);
        span?.SetTag("eval.latency_ms", latency.TotalMilliseconds);
        return new EvalCaseResult(item.Id, item.Task, route, quality, metric, reason, cost?.Total, latency, ttft, null);
    }

    private async Task<(double? Quality, string? Metric, string? Reason)> ScoreAsync(EvalCase item, List<ChatMessage> messages, ChatResponse response, CancellationToken cancellationToken)
    {
        if (item.Expected is { } expected)
        {
            var result = await _expected.EvaluateAsync(messages, response, null, [new ExpectedAnswerContext(expected)], cancellationToken).ConfigureAwait(false);
            var exact = result.Get<BooleanMetric>(ExpectedAnswerEvaluator.ExactMetric);
            var equivalence = result.Get<NumericMetric>(ExpectedAnswerEvaluator.EquivalenceMetric);
            return exact.Value == true
                ? (1d, ExpectedAnswerEvaluator.ExactMetric, exact.Reason)
                : (equivalence.Value, ExpectedAnswerEvaluator.EquivalenceMetric, equivalence.Reason);
        }

        if (item.Rubric is { } rubric)
        {
            try
            {
                var result = await _judge.EvaluateAsync(messages, response, _judgeConfiguration, [new RubricContext(rubric)], cancellationToken).ConfigureAwait(false);
                var metric = result.Get<NumericMetric>(RubricJudgeEvaluator.Metric);
                var why = metric.Reason ?? string.Join("; ", metric.Diagnostics?.Select(d => d.Message) ?? []);
                return (metric.Value, RubricJudgeEvaluator.Metric, why);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (null, RubricJudgeEvaluator.Metric, "the judge failed: " + ex.GetType().Name);
            }
        }

        return (null, null, "no expected answer or rubric");
    }
}
