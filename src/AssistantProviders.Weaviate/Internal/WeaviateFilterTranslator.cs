// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.Extensions.VectorData.ProviderServices;
using Microsoft.Extensions.VectorData.ProviderServices.Filter;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// Translates an MEVD LINQ filter into a Weaviate GraphQL <c>where</c> argument: <c>==</c> <c>!=</c> <c>&gt;</c> <c>&gt;=</c> <c>&lt;</c>
/// <c>&lt;=</c> as <c>Equal</c> … <c>LessThanEqual</c>, <c>== null</c> / <c>!= null</c> as <c>IsNull</c>, <c>&amp;&amp;</c> and <c>||</c> as
/// <c>And</c> / <c>Or</c> (nested ones flattened), a bool property alone or negated as <c>Equal true/false</c>, and
/// <c>list.Contains(r.Field)</c> or <c>r.ListField.Contains(x)</c> as <c>ContainsAny</c>. Anything else throws
/// <see cref="NotSupportedException"/> naming the operator or method. Values are GraphQL literals (<see cref="GraphQLText"/>).
/// </summary>
internal sealed class WeaviateFilterTranslator : FilterTranslatorBase
{
    private readonly StringBuilder _where = new();

    /// <summary>Translates <paramref name="filter"/> over <paramref name="model"/> to the text of a <c>where</c> argument value.</summary>
    public static string Translate(LambdaExpression filter, CollectionModel model)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var translator = new WeaviateFilterTranslator();
        var body = translator.PreprocessFilter(filter, model, new FilterPreprocessingOptions());
        translator.Write(body);
        return translator._where.ToString();
    }

    private void Write(Expression node)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                WriteLogical("And", ExpressionType.AndAlso, and);
                break;
            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                WriteLogical("Or", ExpressionType.OrElse, or);
                break;
            case BinaryExpression comparison when OperatorOf(comparison.NodeType) is not null:
                WriteComparison(comparison);
                break;
            case BinaryExpression other:
                throw new NotSupportedException($"The filter operator '{other.NodeType}' is not supported by Weaviate; use ==, !=, <, <=, >, >=, &&, || or Contains.");
            case UnaryExpression { NodeType: ExpressionType.Not } not when TryBindProperty(not.Operand, out var negated) && IsBool(negated):
                WriteLeaf(negated, "Equal", "valueBoolean: false");
                break;
            case UnaryExpression { NodeType: ExpressionType.Not }:
                throw new NotSupportedException("The filter operator 'Not' (!) is supported by Weaviate only on a bool property; rewrite the condition with != or the opposite comparison.");
            case UnaryExpression { NodeType: ExpressionType.Convert } convert when convert.Type == typeof(bool):
                Write(convert.Operand);
                break;
            case MethodCallExpression call:
                WriteMethod(call);
                break;
            case var member when TryBindProperty(member, out var flag) && IsBool(flag):
                WriteLeaf(flag, "Equal", "valueBoolean: true");
                break;
            default:
                throw new NotSupportedException($"The filter expression '{node}' (node type '{node.NodeType}') is not supported by Weaviate.");
        }
    }

    private void WriteLogical(string op, ExpressionType type, BinaryExpression node)
    {
        var operands = new List<Expression>();
        Flatten(node, type, operands);
        _where.Append("{operator: ").Append(op).Append(", operands: [");
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                _where.Append(", ");
            }

            Write(operands[i]);
        }

        _where.Append("]}");
    }

    private static void Flatten(Expression node, ExpressionType type, List<Expression> operands)
    {
        if (node is BinaryExpression binary && binary.NodeType == type)
        {
            Flatten(binary.Left, type, operands);
            Flatten(binary.Right, type, operands);
        }
        else
        {
            operands.Add(node);
        }
    }

    private void WriteComparison(BinaryExpression node)
    {
        var type = node.NodeType;
        Expression left = node.Left, right = node.Right;
        if (!TryBindProperty(left, out var property))
        {
            if (!TryBindProperty(right, out property))
            {
                throw Unsupported(node.Left) ?? Unsupported(node.Right) ??
                    new NotSupportedException($"The comparison '{node}' does not compare a record property with a value, which is all Weaviate filters can do.");
            }

            (left, right) = (right, left);
            type = Mirror(type);
        }

        var value = ValueOf(right, node);
        if (value is null)
        {
            if (type is not (ExpressionType.Equal or ExpressionType.NotEqual))
            {
                throw new NotSupportedException($"The comparison '{node}' compares with null using '{type}'; only == null and != null (IsNull) are supported.");
            }

            WriteLeaf(property, "IsNull", type == ExpressionType.Equal ? "valueBoolean: true" : "valueBoolean: false");
            return;
        }

        WriteLeaf(property, OperatorOf(type)!, ValueLiteral(value, property));
    }

    private void WriteMethod(MethodCallExpression call)
    {
        if (TryMatchContains(call, out var source, out var item))
        {
            if (TryBindProperty(source, out var listProperty))
            {
                // r.Tags.Contains(x): the list property holds x.
                var value = ValueOf(item, call) ?? throw new NotSupportedException("Contains(null) on a list property is not supported by Weaviate filters.");
                WriteLeaf(listProperty, "ContainsAny", ArrayLiteral([value], listProperty));
                return;
            }

            if (TryBindProperty(item, out var scalarProperty))
            {
                // new[] { "a", "b" }.Contains(r.Category): the property is one of the values.
                if (ValueOf(source, call) is not IEnumerable values || values is string)
                {
                    throw new NotSupportedException($"The Contains call '{call}' must be made on a list of values.");
                }

                var items = new List<object>();
                foreach (var v in values)
                {
                    items.Add(v ?? throw new NotSupportedException("A null in the values of Contains is not supported by Weaviate filters."));
                }

                WriteLeaf(scalarProperty, "ContainsAny", ArrayLiteral(items, scalarProperty));
                return;
            }

            throw new NotSupportedException($"The Contains call '{call}' neither tests a record list property nor a record property against a list of values.");
        }

        throw new NotSupportedException($"The method '{call.Method.DeclaringType?.Name}.{call.Method.Name}' is not supported in Weaviate filters; use comparisons, &&, || and Contains.");
    }

    private void WriteLeaf(PropertyModel property, string op, string value)
    {
        _where.Append("{path: [");
        GraphQLText.AppendString(_where, PathOf(property));
        _where.Append("], operator: ").Append(op).Append(", ").Append(value).Append('}');
    }

    private static string PathOf(PropertyModel property)
    {
        if (property is KeyPropertyModel)
        {
            return "id";
        }

        if (property is DataPropertyModel { IsIndexed: false })
        {
            throw new InvalidOperationException($"The property '{property.ModelName}' is not filterable: Weaviate filters need the inverted index. Mark it with [VectorStoreData(IsIndexed = true)] (or IsIndexed on its definition) and recreate the collection.");
        }

        if (property is VectorPropertyModel)
        {
            throw new NotSupportedException($"The vector property '{property.ModelName}' cannot be used in a filter.");
        }

        return property.StorageName;
    }

    private static string ValueLiteral(object value, PropertyModel property)
    {
        var (kind, literal) = Literal(value, property);
        return kind + ": " + literal;
    }

    private static string ArrayLiteral(List<object> values, PropertyModel property)
    {
        var kind = values.Count > 0 ? Literal(values[0], property).Kind : KindOf(property);
        var builder = new StringBuilder(kind).Append(": [");
        for (var i = 0; i < values.Count; i++)
        {
            var (itemKind, literal) = Literal(values[i], property);
            if (itemKind != kind)
            {
                throw new NotSupportedException($"The values of Contains on '{property.ModelName}' mix types ({kind} and {itemKind}).");
            }

            builder.Append(i > 0 ? ", " : string.Empty).Append(literal);
        }

        return builder.Append(']').ToString();
    }

    private static string KindOf(PropertyModel property)
    {
        var type = WeaviateModelBuilder.ElementType(property.Type) ?? property.Type;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(bool) ? "valueBoolean"
            : type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ? "valueInt"
            : type == typeof(float) || type == typeof(double) || type == typeof(decimal) ? "valueNumber"
            : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "valueDate"
            : "valueText";
    }

    private static (string Kind, string Literal) Literal(object value, PropertyModel property) => value switch
    {
        string s => ("valueText", GraphQLText.Quote(s)),
        bool b => ("valueBoolean", b ? "true" : "false"),
        int or long or short or byte or sbyte or ushort or uint => ("valueInt", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        float or double => ("valueNumber", GraphQLText.AppendNumber(new StringBuilder(), Convert.ToDouble(value, CultureInfo.InvariantCulture)).ToString()),
        decimal d => ("valueNumber", d.ToString(CultureInfo.InvariantCulture)),
        DateTime dt => ("valueDate", GraphQLText.Quote(WeaviateValues.FormatDate(dt))),
        DateTimeOffset dto => ("valueDate", GraphQLText.Quote(WeaviateValues.FormatDate(dto))),
        Guid g => ("valueText", GraphQLText.Quote(g.ToString("D"))),
        _ => throw new NotSupportedException($"A filter value of type {value.GetType().Name} on '{property.ModelName}' is not supported by Weaviate."),
    };

    /// <summary>The error naming what a comparison operand does that Weaviate cannot (a method call, an arithmetic operator).</summary>
    private static NotSupportedException? Unsupported(Expression operand) => operand switch
    {
        MethodCallExpression call => new NotSupportedException($"The method '{call.Method.DeclaringType?.Name}.{call.Method.Name}' is not supported in Weaviate filters; compare record properties directly."),
        BinaryExpression binary => new NotSupportedException($"The filter operator '{binary.NodeType}' is not supported by Weaviate; use ==, !=, <, <=, >, >=, &&, || or Contains."),
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => Unsupported(convert.Operand),
        UnaryExpression unary => new NotSupportedException($"The filter operator '{unary.NodeType}' is not supported by Weaviate."),
        _ => null,
    };

    private static object? ValueOf(Expression expression, Expression whole) => expression switch
    {
        ConstantExpression constant => constant.Value,
        QueryParameterExpression parameter => parameter.Value,
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => ValueOf(convert.Operand, whole),
        _ => throw new NotSupportedException($"The filter '{whole}' compares with '{expression}', which is not a value; Weaviate filters compare record properties with values."),
    };

    private static bool IsBool(PropertyModel property) => (Nullable.GetUnderlyingType(property.Type) ?? property.Type) == typeof(bool);

    private static string? OperatorOf(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "Equal",
        ExpressionType.NotEqual => "NotEqual",
        ExpressionType.GreaterThan => "GreaterThan",
        ExpressionType.GreaterThanOrEqual => "GreaterThanEqual",
        ExpressionType.LessThan => "LessThan",
        ExpressionType.LessThanOrEqual => "LessThanEqual",
        _ => null,
    };

    private static ExpressionType Mirror(ExpressionType type) => type switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => type,
    };
}
