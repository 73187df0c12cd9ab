// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.RegularExpressions;

namespace AssistantProviders.Emulator.Internal;

/// <summary>The quoted phrases, expressions and numbers of a text, in order; numbers inside the first two are not counted again.</summary>
internal sealed partial class ToolArgumentSources
{
    public Queue<string> Quoted { get; } = new();

    public Queue<string> Expressions { get; } = new();

    public List<decimal> Numbers { get; } = [];

    public static ToolArgumentSources In(string text)
    {
        var found = new ToolArgumentSources();
        var rest = QuotedPattern().Replace(text, m =>
        {
            found.Quoted.Enqueue(m.Groups.Values.Skip(1).First(g => g.Success).Value);
            return new string(' ', m.Length);
        });
        rest = ExpressionPattern().Replace(rest, m =>
        {
            found.Expressions.Enqueue(Balanced(m.Value.Trim()));
            return new string(' ', m.Length);
        });
        foreach (Match m in NumberPattern().Matches(rest))
        {
            if (decimal.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                found.Numbers.Add(number);
            }
        }

        return found;
    }

    /// <summary>Drops the outer parentheses the expression does not close (or open): <c>(see 3+4)</c> gives <c>3+4</c>.</summary>
    private static string Balanced(string expression)
    {
        while (expression.Length > 0 && expression[0] == '(' && expression.Count(c => c == '(') > expression.Count(c => c == ')'))
        {
            expression = expression[1..].TrimStart();
        }

        while (expression.Length > 0 && expression[^1] == ')' && expression.Count(c => c == ')') > expression.Count(c => c == '('))
        {
            expression = expression[..^1].TrimEnd();
        }

        return expression;
    }

    [GeneratedRegex(@"""([^""]+)""|“([^”]+)”|‘([^’]+)’|`([^`]+)`|(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"[(\s]*[-+]?\d+(?:\.\d+)?(?:[\s)]*[-+*/%^][(\s]*[-+]?\d+(?:\.\d+)?)+[\s)]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.])[-+]?\d+(?:\.\d+)?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberPattern();
}
