// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// Writes GraphQL literals safely: strings are quoted with every <c>"</c>, <c>\</c> and control character escaped (so a value can
/// never end the string or add syntax), names are checked against the GraphQL name rule before they are written, and numbers use
/// the invariant culture (round-trip precision).
/// </summary>
internal static class GraphQLText
{
    /// <summary>Appends <paramref name="value"/> as a GraphQL string literal.</summary>
    public static StringBuilder AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || c == '\u007f' || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }

    /// <summary>Returns <paramref name="value"/> as a GraphQL string literal.</summary>
    public static string Quote(string value) => AppendString(new StringBuilder(value.Length + 2), value).ToString();

    /// <summary>Whether <paramref name="name"/> is a GraphQL name (<c>[_A-Za-z][_0-9A-Za-z]*</c>), the rule for Weaviate class and property names.</summary>
    public static bool IsName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends a name after checking it (never quoted text: a name that is not one throws).</summary>
    public static StringBuilder AppendName(StringBuilder builder, string name) =>
        IsName(name) ? builder.Append(name) : throw new ArgumentException($"'{name}' is not a valid Weaviate name: use letters, digits and '_', starting with a letter or '_'.", nameof(name));

    public static StringBuilder AppendNumber(StringBuilder builder, double value) =>
        double.IsFinite(value)
            ? builder.Append(value.ToString("R", CultureInfo.InvariantCulture))
            : throw new NotSupportedException("Weaviate filters and queries take finite numbers only (not NaN or infinity).");

    public static StringBuilder AppendNumber(StringBuilder builder, long value) => builder.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends a vector as a GraphQL list of floats.</summary>
    public static StringBuilder AppendVector(StringBuilder builder, ReadOnlySpan<float> vector)
    {
        builder.Append('[');
        for (var i = 0; i < vector.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            if (!float.IsFinite(vector[i]))
            {
                throw new ArgumentException("The vector holds NaN or infinity; Weaviate takes finite floats only.", nameof(vector));
            }

            builder.Append(vector[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return builder.Append(']');
    }
}
