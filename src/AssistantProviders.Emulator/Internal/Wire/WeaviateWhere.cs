// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Evaluates a Weaviate <c>where</c> filter (the REST JSON form or a parsed GraphQL argument, the same shape) against an object:
/// <c>And Or Not Equal NotEqual GreaterThan GreaterThanEqual LessThan LessThanEqual Like IsNull ContainsAny ContainsAll</c> on
/// <c>path: [property]</c> or <c>["id"]</c>, values <c>valueText valueString valueInt valueNumber valueBoolean valueDate</c> (or their
/// lists / <c>…Array</c> forms). A filter on a property that is not filterable, or not in the schema, throws
/// <see cref="InvalidOperationException"/> with Weaviate's message. Text equality is exact (like <c>field</c> tokenization).
/// </summary>
internal static class WeaviateWhere
{
    private static readonly string[] ValueKeys =
    [
        "valueText", "valueString", "valueInt", "valueNumber", "valueBoolean", "valueDate",
        "valueTextArray", "valueStringArray", "valueIntArray", "valueNumberArray", "valueBooleanArray", "valueDateArray",
    ];

    /// <summary>Checks a filter against the class schema before any object is read (so an empty class still rejects a bad filter).</summary>
    public static void Validate(JsonObject where, WeaviateClassState state)
    {
        var op = JsonText.Str(where, "operator");
        if (op is "And" or "Or" or "Not")
        {
            foreach (var operand in JsonText.Arr(where, "operands"))
            {
                Validate(operand as JsonObject ?? throw new InvalidOperationException("invalid 'where' filter: an operand is not an object"), state);
            }

            return;
        }

        if (op is null)
        {
            throw new InvalidOperationException("invalid 'where' filter: no operator");
        }

        var path = PathOf(where);
        if (path is "id" or "_id")
        {
            return;
        }

        if (!state.Properties.TryGetValue(path, out var property))
        {
            throw new InvalidOperationException($"invalid 'where' filter: no such prop with name '{path}' found in class '{state.Name}' in the schema. Check your schema files for which properties in this class are available");
        }

        if (!property.Filterable && op != "IsNull")
        {
            throw new InvalidOperationException($"invalid 'where' filter: Filtering by property '{path}' requires inverted index. Is `indexFilterable` option of property '{path}' enabled? Set it to `true` or leave empty");
        }
    }

    public static bool Matches(JsonObject where, WeaviateStoredObject obj)
    {
        var op = JsonText.Str(where, "operator");
        switch (op)
        {
            case "And":
                return JsonText.Arr(where, "operands").All(o => Matches((JsonObject)o!, obj));
            case "Or":
                return JsonText.Arr(where, "operands").Any(o => Matches((JsonObject)o!, obj));
            case "Not":
                return !JsonText.Arr(where, "operands").All(o => Matches((JsonObject)o!, obj));
        }

        var path = PathOf(where);
        JsonNode? stored = path is "id" or "_id" ? JsonValue.Create(obj.Id.ToString("D")) : obj.Properties[path];
        var (key, expected) = ValueOf(where);
        var storedItems = stored is JsonArray array ? array.ToList() : stored is null ? [] : [stored];
        switch (op)
        {
            case "IsNull":
                var isNull = stored is null || (stored is JsonArray { Count: 0 });
                return isNull == (expected?.GetValue<bool>() ?? true);
            case "ContainsAny":
                return Items(expected).Any(e => storedItems.Any(s => Compare(s, e, key) == 0));
            case "ContainsAll":
                return Items(expected).All(e => storedItems.Any(s => Compare(s, e, key) == 0));
            case "Like":
                var pattern = "^" + Regex.Escape(expected?.GetValue<string>() ?? string.Empty).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
                return storedItems.Any(s => s is JsonValue v && v.TryGetValue<string>(out var text) && Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));
            case "Equal":
                return storedItems.Any(s => Compare(s, expected, key) == 0);
            case "NotEqual":
                return !storedItems.Any(s => Compare(s, expected, key) == 0);
            case "GreaterThan":
                return storedItems.Any(s => Compare(s, expected, key) is > 0);
            case "GreaterThanEqual":
                return storedItems.Any(s => Compare(s, expected, key) is >= 0);
            case "LessThan":
                return storedItems.Any(s => Compare(s, expected, key) is < 0 and not int.MinValue);
            case "LessThanEqual":
                return storedItems.Any(s => Compare(s, expected, key) is <= 0 and not int.MinValue);
            default:
                throw new InvalidOperationException($"invalid 'where' filter: the operator '{op}' is not supported by the emulator");
        }
    }

    private static string PathOf(JsonObject where) =>
        JsonText.Arr(where, "path") is [JsonValue first, ..] && first.TryGetValue<string>(out var name)
            ? name
            : throw new InvalidOperationException("invalid 'where' filter: the path is missing");

    private static (string Key, JsonNode? Value) ValueOf(JsonObject where)
    {
        foreach (var key in ValueKeys)
        {
            if (where.TryGetPropertyValue(key, out var value))
            {
                return (key.Replace("Array", string.Empty, StringComparison.Ordinal), value);
            }
        }

        return (string.Empty, null);
    }

    /// <summary>A number of any backing (parsed JSON or created long/double).</summary>
    public static double Number(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static JsonArray Items(JsonNode? value) => value is JsonArray array ? array : new JsonArray(value?.DeepClone());

    /// <summary>Compares a stored value with a filter value; <see cref="int.MinValue"/> when they are not comparable.</summary>
    private static int Compare(JsonNode? stored, JsonNode? expected, string key)
    {
        if (stored is not JsonValue s || expected is not JsonValue e)
        {
            return int.MinValue;
        }

        if (key == "valueDate" && s.TryGetValue<string>(out var sd) && e.TryGetValue<string>(out var ed) &&
            DateTimeOffset.TryParse(sd, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var left) &&
            DateTimeOffset.TryParse(ed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var right))
        {
            return left.CompareTo(right);
        }

        if (s.GetValueKind() == JsonValueKind.Number && e.GetValueKind() == JsonValueKind.Number)
        {
            return Number(s).CompareTo(Number(e));
        }

        if (s.GetValueKind() is JsonValueKind.True or JsonValueKind.False && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return s.GetValue<bool>() == e.GetValue<bool>() ? 0 : s.GetValue<bool>() ? 1 : -1;
        }

        if (s.TryGetValue<string>(out var st) && e.TryGetValue<string>(out var et))
        {
            return key == "valueText" || key == "valueString" || key.Length == 0 ? string.CompareOrdinal(st, et) : string.Compare(st, et, StringComparison.OrdinalIgnoreCase);
        }

        return int.MinValue;
    }
}
