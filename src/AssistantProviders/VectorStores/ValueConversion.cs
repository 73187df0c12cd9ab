// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using System.Globalization;

namespace AssistantProviders.VectorStores;

/// <summary>
/// Converts a stored value to a record property's type without reflection (AOT-safe): numbers between the numeric types,
/// strings to <see cref="Guid"/>, <see cref="DateTime"/> and <see cref="DateTimeOffset"/>, and lists to arrays or
/// <see cref="List{T}"/> of the primitive element types. A value that already has the type is returned as is. The in-memory
/// store keeps values as written; the SQLite store reads them back from JSON. (Linked into AssistantProviders.Sqlite.)
/// </summary>
internal static class ValueConversion
{
    /// <summary>The data property types the conversion supports, for error messages.</summary>
    public const string SupportedTypes =
        "string, bool, int, long, short, byte, float, double, decimal, Guid, DateTime, DateTimeOffset (and nullable), and arrays or List<T> of string, bool, int, long, float, double";

    /// <summary>Gets a value indicating whether <paramref name="type"/> is a supported data property type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsSupported(Type type)
    {
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        return IsScalar(scalar) || ElementTypeOf(type) is not null;
    }

    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>.</summary>
    /// <param name="value">The stored value.</param>
    /// <param name="type">The property type.</param>
    /// <returns>The converted value (null stays null).</returns>
    public static object? ConvertTo(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case string text when target == typeof(Guid):
                return Guid.Parse(text, CultureInfo.InvariantCulture);
            case string text when target == typeof(DateTimeOffset):
                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            case string text when target == typeof(DateTime):
                return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            case IConvertible when IsNumeric(target) || target == typeof(bool) || target == typeof(string):
                return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            case IEnumerable items and not string when ElementTypeOf(type) is { } element:
                return ToList(items, type, element);
            default:
                throw new InvalidCastException($"A stored '{value.GetType().Name}' cannot be read as '{type.Name}'.");
        }
    }

    private static bool IsScalar(Type type) =>
        IsNumeric(type) || type == typeof(string) || type == typeof(bool) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset);

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(float) || type == typeof(double) || type == typeof(decimal);

    private static Type? ElementTypeOf(Type type) =>
        type == typeof(string[]) || type == typeof(List<string>) ? typeof(string)
        : type == typeof(bool[]) || type == typeof(List<bool>) ? typeof(bool)
        : type == typeof(int[]) || type == typeof(List<int>) ? typeof(int)
        : type == typeof(long[]) || type == typeof(List<long>) ? typeof(long)
        : type == typeof(float[]) || type == typeof(List<float>) ? typeof(float)
        : type == typeof(double[]) || type == typeof(List<double>) ? typeof(double)
        : null;

    private static object ToList(IEnumerable items, Type type, Type element)
    {
        var values = new List<object?>();
        foreach (var item in items)
        {
            values.Add(ConvertTo(item, element));
        }

        var isArray = type.IsArray;
        return element switch
        {
            _ when element == typeof(string) => isArray ? values.Cast<string>().ToArray() : values.Cast<string>().ToList(),
            _ when element == typeof(bool) => isArray ? values.Cast<bool>().ToArray() : values.Cast<bool>().ToList(),
            _ when element == typeof(int) => isArray ? values.Cast<int>().ToArray() : values.Cast<int>().ToList(),
            _ when element == typeof(long) => isArray ? values.Cast<long>().ToArray() : values.Cast<long>().ToList(),
            _ when element == typeof(float) => isArray ? values.Cast<float>().ToArray() : values.Cast<float>().ToList(),
            _ => isArray ? values.Cast<double>().ToArray() : values.Cast<double>().ToList(),
        };
    }
}
