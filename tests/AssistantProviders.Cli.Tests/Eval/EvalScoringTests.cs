// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cli.Eval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Tests.Eval;

/// <summary>The eval's dataset reader and its three scorers (expected answer, deterministic judge, model judge).</summary>
public sealed class EvalScoringTests
{
    private static readonly List<ChatMessage> Question = [new(ChatRole.User, "What is 2 + 2?")];

    private static ChatResponse Answer(string text) => new(new ChatMessage(ChatRole.Assistant, text));

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "each line must be a JSON object")]
    [InlineData("{\"id\":\"a\"}", "\"prompt\" is required")]
    [InlineData("{\"prompt\":\"  \"}", "\"prompt\" is required")]
    [InlineData("{\"prompt\":\"p\",\"expected\":4}", "\"expected\" must be a string")]
    public void A_bad_line_names_the_file_and_line(string line, string message)
    {
        var error = Assert.Throws<EvalDatasetException>(() => EvalDataset.Parse(line, "set.jsonl", 7));
        Assert.StartsWith("set.jsonl:7: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_reads_ids_tasks_answers_and_rubrics_and_refuses_duplicates_and_empty_files()
    {
        var path = Path.Combine(Path.GetTempPath(), "eval-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            await File.WriteAllTextAsync(path, "{\"prompt\":\"a\",\"task\":\" Code \",\"expected\":\"x\"}\n\n{\"id\":\"r\",\"prompt\":\"b\",\"rubric\":\"polite\",\"expected\":null}\n", TestContext.Current.CancellationToken);
            var cases = await EvalDataset.LoadAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(2, cases.Count);
            Assert.Equal(new EvalCase("1", "a", "code", "x", null), cases[0]);
            Assert.Equal(new EvalCase("r", "b", "general", null, "polite"), cases[1]);

            await File.WriteAllTextAsync(path, "{\"id\":\"a\",\"prompt\":\"x\"}\n{\"id\":\"a\",\"prompt\":\"y\"}\n", TestContext.Current.CancellationToken);
            Assert.Contains(":2: the id 'a' appears twice", (await Assert.ThrowsAsync<EvalDatasetException>(() => EvalDataset.LoadAsync(path, TestContext.Current.CancellationToken))).Message, StringComparison.Ordinal);

            await File.WriteAllTextAsync(path, "\n  \n", TestContext.Current.CancellationToken);
            Assert.Contains("holds no case", (await Assert.ThrowsAsync<EvalDatasetException>(() => EvalDataset.LoadAsync(path, TestContext.Current.CancellationToken))).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Contains("does not exist", (await Assert.ThrowsAsync<EvalDatasetException>(() => EvalDataset.LoadAsync(path, TestContext.Current.CancellationToken))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_expected_answer_scores_exact_after_normalization_else_token_F1()
    {
        var evaluator = new ExpectedAnswerEvaluator();

        var exact = await evaluator.EvaluateAsync(Question, Answer("  FOUR. "), additionalContext: [new ExpectedAnswerContext("four")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(exact.Get<BooleanMetric>(ExpectedAnswerEvaluator.ExactMetric).Value);
        Assert.Equal(1d, exact.Get<NumericMetric>(ExpectedAnswerEvaluator.EquivalenceMetric).Value);

        var partial = await evaluator.EvaluateAsync(Question, Answer("the answer is four"), additionalContext: [new ExpectedAnswerContext("four")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(partial.Get<BooleanMetric>(ExpectedAnswerEvaluator.ExactMetric).Value);
        Assert.Equal(0.4d, partial.Get<NumericMetric>(ExpectedAnswerEvaluator.EquivalenceMetric).Value); // P 1/4, R 1: 2·0.25/1.25.

        var wrong = await evaluator.EvaluateAsync(Question, Answer(""), additionalContext: [new ExpectedAnswerContext("")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(wrong.Get<BooleanMetric>(ExpectedAnswerEvaluator.ExactMetric).Value, "an empty answer is never a match");

        var none = await evaluator.EvaluateAsync(Question, Answer("4"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(none.Get<NumericMetric>(ExpectedAnswerEvaluator.EquivalenceMetric).Value);
        Assert.Equal(2d / 3, ExpectedAnswerEvaluator.TokenF1(["a", "a", "b"], ["a", "b", "c"]), 6);
        Assert.Equal(0d, ExpectedAnswerEvaluator.TokenF1(["x"], ["y"]));
    }

    [Fact]
    public async Task The_deterministic_judge_scores_the_share_of_rubric_key_words()
    {
        var judge = new KeywordRubricEvaluator();

        var half = await judge.EvaluateAsync(Question, Answer("It is polite."), additionalContext: [new RubricContext("Polite and concise, an in ok")], cancellationToken: TestContext.Current.CancellationToken);
        var metric = half.Get<NumericMetric>(KeywordRubricEvaluator.Metric);
        Assert.Equal(0.5d, metric.Value);
        Assert.Equal("1 of 2 rubric key words", metric.Reason);

        var empty = await judge.EvaluateAsync(Question, Answer("x"), additionalContext: [new RubricContext("a b c")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(empty.Get<NumericMetric>(KeywordRubricEvaluator.Metric).Value);
    }

    [Theory]
    [InlineData("SCORE: 5 — fully meets it.", 1d)]
    [InlineData("score:4\nGood.", 0.75d)]
    [InlineData("Score: 1", 0d)]
    [InlineData("SCORE: 9", null)]
    [InlineData("I would say it is fine.", null)]
    public async Task The_model_judge_reads_its_score_or_reports_an_error(string reply, double? expected)
    {
        var client = new ScriptedChatClient(_ => reply);
        var judge = new RubricJudgeEvaluator("judge/model");

        var result = await judge.EvaluateAsync(Question, Answer("4"), new ChatConfiguration(client), [new RubricContext("correct")], cancellationToken: TestContext.Current.CancellationToken);

        var metric = result.Get<NumericMetric>(RubricJudgeEvaluator.Metric);
        Assert.Equal(expected, metric.Value);
        Assert.Equal("judge/model", client.Models.Single());
        Assert.Contains("Rubric: correct", client.Prompts.Single(), StringComparison.Ordinal);
        if (expected is null)
        {
            Assert.Contains(metric.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Error);
        }
    }
}
