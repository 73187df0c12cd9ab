// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// The model judge (<c>--judge provider/model</c>): asks the judge model, through the router, to grade the answer against the
/// rubric from 1 to 5 and reply <c>SCORE: n</c>; the metric is (n − 1) / 4, 0–1. A reply without a score is an error
/// diagnostic and no value, never a guess.
/// </summary>
internal sealed partial class RubricJudgeEvaluator(string judgeModel) : IEvaluator
{
    public const string Metric = "Rubric";

    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [Metric];

    public async ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new NumericMetric(Metric);
        var rubric = additionalContext?.OfType<RubricContext>().FirstOrDefault();
        if (rubric is null || chatConfiguration is null)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error(rubric is null ? "No rubric was given." : "No judge chat client was configured."));
            return new EvaluationResult(metric);
        }

        var question = string.Join("\n", messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        var prompt = $"""
            You grade an answer against a rubric. Reply with one line: SCORE: <1-5> (5 = fully meets the rubric), then one sentence why.
            Rubric: {rubric.Rubric}
            Question: {question}
            Answer: {modelResponse.Text}
            """;
        var reply = await chatConfiguration.ChatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { ModelId = judgeModel, Temperature = 0f, MaxOutputTokens = 100 },
            cancellationToken).ConfigureAwait(false);
        if (Score().Match(reply.Text) is { Success: true } match
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
        {
            metric.Value = (score - 1) / 4d;
            metric.Reason = "judge " + judgeModel + ": " + score.ToString(CultureInfo.InvariantCulture) + " of 5";
        }
        else
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error("The judge's reply holds no SCORE: 1-5."));
        }

        return new EvaluationResult(metric);
    }

    [GeneratedRegex(@"SCORE:\s*([0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Score();
}
