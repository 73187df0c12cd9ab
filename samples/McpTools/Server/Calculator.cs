// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace McpTools.Server;

/// <summary>
/// Evaluates arithmetic safely: a small recursive-descent parser over numbers, <c>+ - * / % ^</c> (also <c>×</c> and <c>÷</c>),
/// unary signs and parentheses. Nothing is compiled or run; anything else is a <see cref="FormatException"/> naming the position.
/// </summary>
internal sealed class Calculator
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 256;

    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;
    private int _depth;

    private Calculator(string text) => _text = text;

    /// <summary>Evaluates <paramref name="expression"/>.</summary>
    /// <param name="expression">For example <c>(1250 * 0.2) + 17.5</c> or <c>2^10 % 7</c>.</param>
    /// <returns>The value; never NaN or infinite.</returns>
    /// <exception cref="FormatException">The expression is empty, too long, malformed, divides by zero or overflows.</exception>
    public static double Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxLength)
        {
            throw new FormatException($"The expression is longer than {MaxLength} characters.");
        }

        var calculator = new Calculator(expression);
        var value = calculator.Sum();
        calculator.SkipSpaces();
        if (calculator._position < expression.Length)
        {
            throw calculator.Error($"unexpected '{expression[calculator._position]}'");
        }

        return double.IsFinite(value) ? value : throw new FormatException("The result is not a finite number.");
    }

    /// <summary>Formats a value the way the tool returns it: invariant culture, at most 15 significant digits.</summary>
    public static string Format(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

    private double Sum()
    {
        var value = Product();
        while (TryTake('+', '-') is { } op)
        {
            var right = Product();
            value = op == '+' ? value + right : value - right;
        }

        return value;
    }

    private double Product()
    {
        var value = Unary();
        while (TryTake('*', '/', '%', '×', '÷') is { } op)
        {
            var right = Unary();
            if (op is '/' or '÷' or '%' && right == 0)
            {
                throw Error("division by zero");
            }

            value = op switch
            {
                '*' or '×' => value * right,
                '%' => value % right,
                _ => value / right,
            };
        }

        return value;
    }

    private double Unary()
    {
        Enter();
        try
        {
            return TryTake('+', '-') is { } sign ? (sign == '-' ? -Unary() : Unary()) : Power();
        }
        finally
        {
            _depth--;
        }
    }

    private double Power()
    {
        var value = Primary();
        return TryTake('^') is not null ? Math.Pow(value, Unary()) : value;
    }

    private double Primary()
    {
        SkipSpaces();
        if (TryTake('(') is not null)
        {
            Enter();
            var value = Sum();
            _depth--;
            return TryTake(')') is not null ? value : throw Error("missing ')'");
        }

        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Error(_position < _text.Length ? $"unexpected '{_text[_position]}'" : "a number is missing");
        }

        return double.TryParse(_text.AsSpan(start, _position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error($"'{_text[start.._position]}' is not a number");
    }

    private char? TryTake(params ReadOnlySpan<char> options)
    {
        SkipSpaces();
        if (_position < _text.Length && options.Contains(_text[_position]))
        {
            return _text[_position++];
        }

        return null;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error("the expression is nested too deeply");
        }
    }

    private FormatException Error(string what) => new($"Cannot evaluate the expression at position {_position + 1}: {what}.");
}
