// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Evaluates a Pinecone metadata filter against one record's metadata: <c>$eq $ne $gt $gte $lt $lte $in $nin $exists $and $or</c>,
/// the <c>{"field": value}</c> shorthand for <c>$eq</c>, and list-of-string fields (<c>$eq</c>/<c>$in</c> match any element,
/// <c>$ne</c>/<c>$nin</c> match when no element does). An unknown operator is a 400, as on Pinecone.
/// </summary>
internal static class PineconeFilter
{
    public static bool Matches(JsonObject? filter, JsonObject? metadata)
    {
        if (filter is null)
        {
            return true;
        }

        foreach (var (key, condition) in filter)
        {
            var ok = key switch
            {
                "$and" => condition is JsonArray all ? all.All(c => Matches(c as JsonObject ?? throw Invalid("$and takes objects"), metadata)) : throw Invalid("$and takes an array"),
                "$or" => condition is JsonArray any ? any.Any(c => Matches(c as JsonObject ?? throw Invalid("$or takes objects"), metadata)) : throw Invalid("$or takes an array"),
                _ when key.StartsWith('$') => throw Invalid($"unknown top-level operator {key}"),
                _ => Field(metadata?[key], condition),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static ArgumentException Invalid(string what) => new($"Invalid filter: {what}.");

    private static bool Field(JsonNode? value, JsonNode? condition)
    {
        if (condition is not JsonObject ops)
        {
            return Equal(value, condition);
        }

        foreach (var (op, operand) in ops)
        {
            var ok = op switch
            {
                "$eq" => Equal(value, operand),
                "$ne" => !Equal(value, operand),
                "$gt" => Compare(value, operand) is > 0,
                "$gte" => Compare(value, operand) is >= 0,
                "$lt" => Compare(value, operand) is < 0,
                "$lte" => Compare(value, operand) is <= 0,
                "$in" => operand is JsonArray values ? values.Any(v => Equal(value, v)) : throw Invalid("$in takes an array"),
                "$nin" => operand is JsonArray excluded ? !excluded.Any(v => Equal(value, v)) : throw Invalid("$nin takes an array"),
                "$exists" => (value is not null) == (operand?.GetValueKind() == JsonValueKind.True),
                _ => throw Invalid($"unknown operator {op}"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Equal(JsonNode? value, JsonNode? operand)
    {
        if (value is null || operand is null)
        {
            return false;
        }

        if (value is JsonArray list)
        {
            return list.Any(item => Equal(item, operand));
        }

        var a = value.GetValueKind();
        var b = operand.GetValueKind();
        if (a == JsonValueKind.Number && b == JsonValueKind.Number)
        {
            return Number(value) == Number(operand);
        }

        if (a is JsonValueKind.True or JsonValueKind.False)
        {
            return a == b;
        }

        return a == JsonValueKind.String && b == JsonValueKind.String && string.Equals(value.GetValue<string>(), operand.GetValue<string>(), StringComparison.Ordinal);
    }

    private static int? Compare(JsonNode? value, JsonNode? operand)
    {
        if (operand?.GetValueKind() != JsonValueKind.Number)
        {
            throw Invalid("$gt, $gte, $lt and $lte take numbers");
        }

        return value is not null && value.GetValueKind() == JsonValueKind.Number ? Number(value).CompareTo(Number(operand)) : null;
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
}
