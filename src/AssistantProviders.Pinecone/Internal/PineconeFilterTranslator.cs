// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.Extensions.VectorData.ProviderServices;
using Microsoft.Extensions.VectorData.ProviderServices.Filter;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// Translates the MEVD LINQ filter subset into a Pinecone metadata filter: <c>==</c> <c>!=</c> <c>&gt;</c> <c>&gt;=</c> <c>&lt;</c>
/// <c>&lt;=</c> → <c>$eq $ne $gt $gte $lt $lte</c>; <c>&amp;&amp;</c> / <c>||</c> → <c>$and</c> / <c>$or</c>; <c>values.Contains(r.Field)</c>
/// → <c>$in</c> (<c>!values.Contains(...)</c> → <c>$nin</c>); <c>r.Tags.Contains(value)</c> on a string-list field → <c>$in [value]</c>;
/// a bare boolean field → <c>$eq true</c>. Anything else throws <see cref="NotSupportedException"/> naming the operator or method.
/// When the model marks some data properties <c>IsIndexed</c> (the index then has a metadata schema of those), a filter on any
/// other data property is rejected naming it; with none marked, Pinecone's default applies and every field is filterable.
/// </summary>
internal sealed class PineconeFilterTranslator : FilterTranslatorBase
{
    private static readonly FilterPreprocessingOptions Preprocessing = new() { SupportsParameterization = false };

    /// <summary>Translates a filter; <see langword="null"/> for a constant <see langword="true"/> filter.</summary>
    public JsonObject? Translate(LambdaExpression filter, CollectionModel model)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var body = PreprocessFilter(filter, model, Preprocessing);
        if (body is ConstantExpression { Value: true })
        {
            return null;
        }

        return Node(body, negated: false);
    }

    private static string NameOf(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.Not => "!",
        _ => type.ToString(),
    };

    private static NotSupportedException Unsupported(string what) =>
        new($"Pinecone metadata filters do not support {what}. Supported: ==, !=, <, <=, >, >=, &&, ||, !, array.Contains(field) ($in/$nin) and stringListField.Contains(value).");

    private static ExpressionType Flip(ExpressionType type) => type switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => type,
    };

    private static ExpressionType Negate(ExpressionType type) => type switch
    {
        ExpressionType.Equal => ExpressionType.NotEqual,
        ExpressionType.NotEqual => ExpressionType.Equal,
        ExpressionType.GreaterThan => ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThan,
        ExpressionType.LessThan => ExpressionType.GreaterThanOrEqual,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThan,
        _ => type,
    };

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "$eq",
        ExpressionType.NotEqual => "$ne",
        ExpressionType.GreaterThan => "$gt",
        ExpressionType.GreaterThanOrEqual => "$gte",
        ExpressionType.LessThan => "$lt",
        ExpressionType.LessThanOrEqual => "$lte",
        _ => throw Unsupported($"the operator '{NameOf(type)}'"),
    };

    private static JsonObject Condition(string field, string op, JsonNode? value) =>
        new() { [field] = new JsonObject { [op] = value } };

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    private static JsonNode Scalar(object? value, string op)
    {
        var node = value switch
        {
            null => throw Unsupported($"comparing with null ({op}); Pinecone metadata has no null values"),
            Enum e => throw Unsupported($"the enum value {e}"),
            decimal m => JsonValue.Create((double)m),
            short s => JsonValue.Create((int)s),
            byte b => JsonValue.Create((int)b),
            _ => PineconeRecordMapper.ToNode(value),
        };
        return node ?? throw Unsupported($"the value {value}");
    }

    private static JsonArray List(object? values, string op)
    {
        if (values is string or null || values is not IEnumerable enumerable)
        {
            throw Unsupported($"{op} over a {values?.GetType().Name ?? "null"}");
        }

        var array = new JsonArray();
        foreach (var item in enumerable)
        {
            array.Add((JsonNode?)Scalar(item, op));
        }

        return array;
    }

    private static bool TryConstant(Expression expression, out object? value)
    {
        switch (StripConvert(expression))
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case QueryParameterExpression parameter:
                value = parameter.Value;
                return true;
            case NewArrayExpression array when array.Expressions.All(e => StripConvert(e) is ConstantExpression):
                value = array.Expressions.Select(e => ((ConstantExpression)StripConvert(e)).Value).ToArray();
                return true;
            default:
                value = null;
                return false;
        }
    }

    private JsonObject Node(Expression expression, bool negated)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
            {
                // De Morgan under a negation: !(a && b) == !a || !b.
                var and = logical.NodeType == ExpressionType.AndAlso ^ negated;
                var key = and ? "$and" : "$or";
                var items = new JsonArray();
                Flatten(logical.Left, key, negated, items);
                Flatten(logical.Right, key, negated, items);
                return new JsonObject { [key] = items };
            }

            case BinaryExpression binary:
                return Comparison(binary, negated);

            case UnaryExpression { NodeType: ExpressionType.Not } not:
                return Node(not.Operand, !negated);

            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                return Node(convert.Operand, negated);

            case MethodCallExpression call:
                return Call(call, negated);

            default:
                if (TryBindProperty(expression, out var property) && (Nullable.GetUnderlyingType(property!.Type) ?? property.Type) == typeof(bool))
                {
                    return Condition(FieldOf(property), "$eq", JsonValue.Create(!negated));
                }

                throw Unsupported($"the expression node '{expression.NodeType}' ({expression})");
        }
    }

    private void Flatten(Expression expression, string key, bool negated, JsonArray items)
    {
        var node = Node(expression, negated);
        if (node.Count == 1 && node[key] is JsonArray nested)
        {
            foreach (var item in nested.ToList())
            {
                nested.Remove(item);
                items.Add(item);
            }
        }
        else
        {
            items.Add((JsonNode)node);
        }
    }

    private JsonObject Comparison(BinaryExpression binary, bool negated)
    {
        var type = binary.NodeType;
        _ = Operator(type); // throws for an arithmetic or other non-comparison operator, naming it
        if (negated)
        {
            type = Negate(type);
        }

        if (TryBindProperty(StripConvert(binary.Left), out var property) && TryConstant(binary.Right, out var value))
        {
            return Condition(FieldOf(property!), Operator(type), Scalar(value, Operator(type)));
        }

        if (TryBindProperty(StripConvert(binary.Right), out property) && TryConstant(binary.Left, out value))
        {
            type = Flip(type);
            return Condition(FieldOf(property!), Operator(type), Scalar(value, Operator(type)));
        }

        throw Explain(binary.Left) ?? Explain(binary.Right) ?? Unsupported($"the comparison '{binary}' (one side must be a record field and the other a value)");
    }

    /// <summary>The error for a comparison side that is neither a field nor a value: it names the method or operator.</summary>
    private NotSupportedException? Explain(Expression side)
    {
        side = StripConvert(side);
        if (TryBindProperty(side, out _) || TryConstant(side, out _))
        {
            return null;
        }

        return side switch
        {
            MethodCallExpression call => Unsupported($"the method '{call.Method.DeclaringType?.Name}.{call.Method.Name}'"),
            BinaryExpression binary => Unsupported($"the operator '{binary.NodeType}' ({NameOf(binary.NodeType)})"),
            UnaryExpression unary => Unsupported($"the operator '{unary.NodeType}'"),
            _ => Unsupported($"the expression node '{side.NodeType}' ({side})"),
        };
    }

    private JsonObject Call(MethodCallExpression call, bool negated)
    {
        if (TryMatchContains(call, out var source, out var item))
        {
            // values.Contains(r.Field): the field is one of the values.
            if (TryBindProperty(StripConvert(item), out var field) && TryConstant(source, out var values))
            {
                var op = negated ? "$nin" : "$in";
                return Condition(FieldOf(field!), op, List(values, op));
            }

            // r.Tags.Contains(value): a string-list field holds the value.
            if (TryBindProperty(StripConvert(source), out var list) && TryConstant(item, out var value))
            {
                var op = negated ? "$nin" : "$in";
                return Condition(FieldOf(list!), op, new JsonArray(Scalar(value, op)));
            }

            throw Unsupported($"the Contains call '{call}' (use constantValues.Contains(r.Field) or r.ListField.Contains(constant))");
        }

        if (TryBindProperty(call, out var property) && (Nullable.GetUnderlyingType(property!.Type) ?? property.Type) == typeof(bool))
        {
            return Condition(FieldOf(property), "$eq", JsonValue.Create(!negated));
        }

        throw Unsupported($"the method '{call.Method.DeclaringType?.Name}.{call.Method.Name}'");
    }

    private string FieldOf(PropertyModel property) => property switch
    {
        DataPropertyModel { IsIndexed: false } when Model.DataProperties.Any(p => p.IsIndexed) =>
            throw Unsupported($"filtering on '{property.ModelName}': it is not indexed (IsIndexed = false), and the index's metadata schema lists only the indexed fields as filterable"),
        DataPropertyModel => property.StorageName,
        KeyPropertyModel => throw Unsupported($"filtering on the key property '{property.ModelName}' (Pinecone filters metadata; use GetAsync(keys))"),
        _ => throw Unsupported($"filtering on the vector property '{property.ModelName}'"),
    };
}
