// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Eval;

/// <summary>One line of an eval dataset: a prompt, its task tag, and an expected answer or a rubric (or neither).</summary>
/// <param name="Id">The case id (the line number when the line has none).</param>
/// <param name="Prompt">The prompt sent to every route.</param>
/// <param name="Task">The task tag (<c>code</c>, <c>rag</c>…); <c>general</c> when the line has none.</param>
/// <param name="Expected">The expected answer, scored by exact or equivalence match.</param>
/// <param name="Rubric">The rubric, scored by the judge.</param>
internal sealed record EvalCase(string Id, string Prompt, string Task, string? Expected, string? Rubric);
