// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// Scores an answer against the case's expected answer (<see cref="ExpectedAnswerContext"/>), deterministically:
/// <see cref="ExactMetric"/> (equal after normalization: case, punctuation and spacing ignored) and
/// <see cref="EquivalenceMetric"/> (1 when exact, else the token F1 of the two answers, 0–1).
/// </summary>
internal sealed class ExpectedAnswerEvaluator : IEvaluator
{
    public const string ExactMetric = "Exact match";
    public const string EquivalenceMetric = "Equivalence";

    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [ExactMetric, EquivalenceMetric];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var expected = additionalContext?.OfType<ExpectedAnswerContext>().FirstOrDefault();
        if (expected is null)
        {
            var missing = new NumericMetric(EquivalenceMetric);
            missing.AddDiagnostics(EvaluationDiagnostic.Error("No expected answer was given."));
            return new(new EvaluationResult(new BooleanMetric(ExactMetric), missing));
        }

        var answer = EvalText.Normalize(modelResponse.Text);
        var target = EvalText.Normalize(expected.Expected);
        var exact = answer.Length > 0 && string.Equals(answer, target, StringComparison.Ordinal);
        var f1 = exact ? 1d : TokenF1(EvalText.Words(modelResponse.Text), EvalText.Words(expected.Expected));
        return new(new EvaluationResult(
            new BooleanMetric(ExactMetric, exact, exact ? "equal after normalization" : "differs from the expected answer"),
            new NumericMetric(EquivalenceMetric, Math.Round(f1, 4), "token F1 against the expected answer")));
    }

    /// <summary>The F1 of the word multisets: 2PR / (P + R).</summary>
    internal static double TokenF1(string[] answer, string[] expected)
    {
        if (answer.Length == 0 || expected.Length == 0)
        {
            return 0d;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in expected)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var common = 0;
        foreach (var word in answer)
        {
            if (counts.TryGetValue(word, out var left) && left > 0)
            {
                counts[word] = left - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0d;
        }

        var precision = (double)common / answer.Length;
        var recall = (double)common / expected.Length;
        return 2 * precision * recall / (precision + recall);
    }
}
