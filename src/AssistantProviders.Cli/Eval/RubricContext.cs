// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Eval;

/// <summary>The rubric of a case, for the judges (<see cref="RubricJudgeEvaluator"/>, <see cref="KeywordRubricEvaluator"/>).</summary>
internal sealed class RubricContext(string rubric) : EvaluationContext(ContextName, rubric)
{
    public const string ContextName = "Rubric";

    public string Rubric { get; } = rubric;
}
