// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// The deterministic judge (<c>--judge deterministic</c>, the default on the emulator): the share of the rubric's key words
/// (four letters or more) that the answer contains, 0–1. It needs no model, so eval runs offline and its tests need no keys;
/// it is a coarse proxy for a model judge and the report says which judge scored.
/// </summary>
internal sealed class KeywordRubricEvaluator : IEvaluator
{
    public const string Metric = "Rubric";

    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [Metric];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var rubric = additionalContext?.OfType<RubricContext>().FirstOrDefault();
        var keys = rubric is null ? [] : EvalText.Words(rubric.Rubric).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            var none = new NumericMetric(Metric);
            none.AddDiagnostics(EvaluationDiagnostic.Error("The rubric has no key word of four letters or more."));
            return new(new EvaluationResult(none));
        }

        var answer = new HashSet<string>(EvalText.Words(modelResponse.Text), StringComparer.Ordinal);
        var found = keys.Count(answer.Contains);
        return new(new EvaluationResult(new NumericMetric(Metric, Math.Round((double)found / keys.Length, 4), $"{found} of {keys.Length} rubric key words")));
    }
}
