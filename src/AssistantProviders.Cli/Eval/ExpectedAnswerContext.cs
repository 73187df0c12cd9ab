// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI.Evaluation;

namespace AssistantProviders.Cli.Eval;

/// <summary>The expected answer of a case, for <see cref="ExpectedAnswerEvaluator"/>.</summary>
internal sealed class ExpectedAnswerContext(string expected) : EvaluationContext(ContextName, expected)
{
    public const string ContextName = "Expected answer";

    public string Expected { get; } = expected;
}
