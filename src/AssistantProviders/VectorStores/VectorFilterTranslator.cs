// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Extensions.VectorData.ProviderServices;
using Microsoft.Extensions.VectorData.ProviderServices.Filter;

namespace AssistantProviders.VectorStores;

/// <summary>
/// Turns an MEVD LINQ filter into a predicate over stored records by walking the expression tree once (no
/// <c>Expression.Compile</c>, so it is AOT-safe and reads the stored values by storage name, for typed and dynamic records alike).
/// The subset is MEVD's: <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>&amp;&amp; || !</c>, a boolean property, <c>array.Contains(field)</c>
/// (any-of) and <c>listField.Contains(value)</c>; captured variables are inlined by MEVD's preprocessor. Anything else throws
/// <see cref="NotSupportedException"/> naming the operator or method, and a filter on a data property that is not indexed
/// (<c>IsIndexed = false</c>) throws <see cref="InvalidOperationException"/> naming it, like a server store would.
/// </summary>
/// <remarks>Single use: create one per filter. (Linked into AssistantProviders.Sqlite, whose stored values are JSON's: numbers
/// compare by value, and a string compares with a <see cref="Guid"/>, <see cref="DateTime"/> or <see cref="DateTimeOffset"/> by parsing it.)</remarks>
internal sealed class VectorFilterTranslator : FilterTranslatorBase
{
    /// <summary>Translates the filter.</summary>
    /// <param name="filter">The filter lambda.</param>
    /// <param name="model">The collection's model.</param>
    /// <returns>The predicate.</returns>
    public Func<StoredRecord, bool> Translate(LambdaExpression filter, CollectionModel model)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var body = PreprocessFilter(filter, model, new FilterPreprocessingOptions());
        return Predicate(body);
    }

    private static NotSupportedException Unsupported(Expression node) => node switch
    {
        MethodCallExpression call => new NotSupportedException($"The method '{call.Method.DeclaringType?.Name}.{call.Method.Name}' is not supported in a vector-store filter."),
        MemberExpression member => new NotSupportedException($"The member '{member.Member.DeclaringType?.Name}.{member.Member.Name}' is not supported in a vector-store filter."),
        _ => new NotSupportedException($"The expression node '{node.NodeType}' ({node}) is not supported in a vector-store filter."),
    };

    private static bool ValueEquals(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return ToDecimalOrDouble(left).CompareTo(ToDecimalOrDouble(right)) == 0;
        }

        (left, right) = Align(left, right);
        return left.Equals(right);
    }

    private static (object Left, object Right) Align(object left, object right) => (left, right) switch
    {
        (string text, Guid) => (ValueConversion.ConvertTo(text, typeof(Guid)) ?? left, right),
        (Guid, string text) => (left, ValueConversion.ConvertTo(text, typeof(Guid)) ?? right),
        (string text, DateTimeOffset) => (ValueConversion.ConvertTo(text, typeof(DateTimeOffset)) ?? left, right),
        (DateTimeOffset, string text) => (left, ValueConversion.ConvertTo(text, typeof(DateTimeOffset)) ?? right),
        (string text, DateTime) => (ValueConversion.ConvertTo(text, typeof(DateTime)) ?? left, right),
        (DateTime, string text) => (left, ValueConversion.ConvertTo(text, typeof(DateTime)) ?? right),
        _ => (left, right),
    };

    private static int? CompareValues(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return ToDecimalOrDouble(left).CompareTo(ToDecimalOrDouble(right));
        }

        if (left is string ls && right is string rs)
        {
            return string.CompareOrdinal(ls, rs);
        }

        (left, right) = Align(left, right);

        if (left.GetType() == right.GetType() && left is IComparable comparable)
        {
            return comparable.CompareTo(right);
        }

        throw new NotSupportedException($"Values of types '{left.GetType().Name}' and '{right.GetType().Name}' cannot be compared in a vector-store filter.");
    }

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static double ToDecimalOrDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static bool AnyEquals(object? collection, object? item)
    {
        if (collection is null)
        {
            return false;
        }

        if (collection is string || collection is not IEnumerable items)
        {
            throw new NotSupportedException($"Contains needs a collection, not '{collection.GetType().Name}', in a vector-store filter.");
        }

        foreach (var element in items)
        {
            if (ValueEquals(element, item))
            {
                return true;
            }
        }

        return false;
    }

    private Func<StoredRecord, bool> Predicate(Expression node)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                {
                    var left = Predicate(and.Left);
                    var right = Predicate(and.Right);
                    return e => left(e) && right(e);
                }

            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                {
                    var left = Predicate(or.Left);
                    var right = Predicate(or.Right);
                    return e => left(e) || right(e);
                }

            case UnaryExpression { NodeType: ExpressionType.Not } not:
                {
                    var operand = Predicate(not.Operand);
                    return e => !operand(e);
                }

            case BinaryExpression comparison when comparison.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
                or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual:
                return Comparison(comparison);

            case ConstantExpression { Value: bool constant }:
                return _ => constant;

            case MethodCallExpression call when TryMatchContains(call, out var source, out var item):
                {
                    var collection = Value(source);
                    var value = Value(item);
                    return e => AnyEquals(collection(e), value(e));
                }

            case MethodCallExpression call:
                throw Unsupported(call);

            default:
                if (node.Type == typeof(bool) && TryBindProperty(node, out var property))
                {
                    var read = Read(property);
                    return e => read(e) is true;
                }

                throw Unsupported(node);
        }
    }

    private Func<StoredRecord, bool> Comparison(BinaryExpression comparison)
    {
        var left = Value(comparison.Left);
        var right = Value(comparison.Right);
        return comparison.NodeType switch
        {
            ExpressionType.Equal => e => ValueEquals(left(e), right(e)),
            ExpressionType.NotEqual => e => !ValueEquals(left(e), right(e)),
            ExpressionType.LessThan => e => CompareValues(left(e), right(e)) < 0,
            ExpressionType.LessThanOrEqual => e => CompareValues(left(e), right(e)) <= 0,
            ExpressionType.GreaterThan => e => CompareValues(left(e), right(e)) > 0,
            _ => e => CompareValues(left(e), right(e)) >= 0,
        };
    }

    private Func<StoredRecord, object?> Value(Expression node)
    {
        if (TryBindProperty(node, out var property))
        {
            return Read(property);
        }

        switch (node)
        {
            case ConstantExpression constant:
                {
                    var value = constant.Value;
                    return _ => value;
                }

            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } convert:
                return Value(convert.Operand);

            default:
                throw Unsupported(node);
        }
    }

    private static Func<StoredRecord, object?> Read(PropertyModel property)
    {
        switch (property)
        {
            case KeyPropertyModel:
                return static e => e.Key;

            case DataPropertyModel { IsIndexed: false } data:
                throw new InvalidOperationException(
                    $"The filter uses property '{data.ModelName}', which is not indexed; mark it IsIndexed = true (VectorStoreData(IsIndexed = true)) to filter on it.");

            case DataPropertyModel data:
                {
                    var name = data.StorageName;
                    return e => e.Data.GetValueOrDefault(name);
                }

            default:
                throw new NotSupportedException($"The filter uses vector property '{property.ModelName}'; filters apply to key and data properties only.");
        }
    }
}
