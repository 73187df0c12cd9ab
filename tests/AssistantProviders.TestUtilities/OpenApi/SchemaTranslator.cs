// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.TestUtilities.OpenApi;

/// <summary>
/// Rewrites OpenAPI 3.0/3.1 schema objects, Google discovery schemas and draft-06 schemas into JSON Schema 2020-12:
/// <c>nullable: true</c> becomes a <c>null</c> type (or an <c>anyOf</c> with null), <c>x-*</c>, <c>discriminator</c>, <c>example</c>,
/// <c>xml</c> and <c>externalDocs</c> are dropped, a discriminated <c>oneOf</c> becomes <c>anyOf</c>, boolean
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> (3.0) become numbers, and <c>$ref</c>s are pointed at <c>#/$defs/</c>.
/// Keyword positions are told apart from property-name maps, so a property named <c>nullable</c> is left alone.
/// </summary>
internal sealed class SchemaTranslator
{
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
    private static readonly HashSet<string> SingleSchemas =
        ["not", "contains", "propertyNames", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems", "additionalItems", "contentSchema"];
    private static readonly HashSet<string> SchemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems"];
    private static readonly HashSet<string> Dropped = ["discriminator", "example", "xml", "externalDocs", "$schema", "$id", "id", "annotations"];

    private readonly Func<string, string> _rewriteRef;
    private readonly bool _discovery;

    public SchemaTranslator(Func<string, string> rewriteRef, bool discovery = false)
    {
        _rewriteRef = rewriteRef;
        _discovery = discovery;
    }

    /// <summary>Gets or sets a value indicating whether discovery objects with properties reject unknown properties.</summary>
    public bool StrictDiscoveryObjects { get; set; }

    public JsonNode? Translate(JsonNode? schema)
    {
        if (schema is not JsonObject source)
        {
            return schema?.DeepClone();
        }

        var target = new JsonObject();
        var nullable = false;
        foreach (var (key, value) in source)
        {
            if (key.StartsWith("x-", StringComparison.Ordinal) || Dropped.Contains(key))
            {
                continue;
            }

            switch (key)
            {
                case "nullable":
                    nullable = value?.GetValueKind() == System.Text.Json.JsonValueKind.True;
                    break;
                case "$ref" when value is JsonValue v && v.TryGetValue<string>(out var reference):
                    target["$ref"] = _rewriteRef(reference);
                    break;
                case "definitions":
                case "$defs":
                    target["$defs"] = TranslateMap(value);
                    break;
                case var _ when SchemaMaps.Contains(key):
                    target[key] = TranslateMap(value);
                    break;
                case var _ when SingleSchemas.Contains(key):
                    target[key] = Translate(value);
                    break;
                case "items" or "additionalProperties":
                    target[key] = value is JsonArray items ? new JsonArray([.. items.Select(Translate)]) : Translate(value);
                    break;
                case "oneOf" when source.ContainsKey("discriminator"):
                    target["anyOf"] = TranslateArray(value);
                    break;
                case var _ when SchemaArrays.Contains(key):
                    target[key] = TranslateArray(value);
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum" when value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                    var bound = key == "exclusiveMinimum" ? "minimum" : "maximum";
                    if (b.GetValueKind() == System.Text.Json.JsonValueKind.True && source[bound] is { } limit)
                    {
                        target[key] = limit.DeepClone();
                        target.Remove(bound);
                    }

                    break;
                case "minimum" or "maximum" when source["exclusive" + char.ToUpperInvariant(key[0]) + key[1..]]?.GetValueKind() == System.Text.Json.JsonValueKind.True:
                    break;
                case "type" when _discovery:
                    ApplyDiscoveryType(target, value?.GetValue<string>(), source["format"]?.GetValue<string>());
                    break;
                case "required" when value is not JsonArray:
                    // Swagger-2 style "required: true" on a property: not a JSON Schema keyword.
                    break;
                default:
                    target[key] = value?.DeepClone();
                    break;
            }
        }

        if (_discovery && StrictDiscoveryObjects && target["properties"] is JsonObject props && !target.ContainsKey("additionalProperties"))
        {
            AddSnakeCaseAliases(props);
            target["additionalProperties"] = false;
        }

        return nullable ? MakeNullable(target) : target;
    }

    private JsonObject TranslateMap(JsonNode? map)
    {
        var result = new JsonObject();
        if (map is JsonObject obj)
        {
            foreach (var (name, schema) in obj)
            {
                result[name] = Translate(schema);
            }
        }

        return result;
    }

    private JsonArray TranslateArray(JsonNode? array) =>
        array is JsonArray items ? new JsonArray([.. items.Select(Translate)]) : [];

    private static JsonObject MakeNullable(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue t when t.TryGetValue<string>(out var type):
                schema["type"] = new JsonArray(type, "null");
                AddNullToEnum(schema);
                return schema;
            case JsonArray types:
                if (!types.Any(t => t?.GetValue<string>() == "null"))
                {
                    types.Add("null");
                }

                AddNullToEnum(schema);
                return schema;
            default:
                return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
        }
    }

    private static void AddNullToEnum(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }
    }

    private static void ApplyDiscoveryType(JsonObject target, string? type, string? format)
    {
        switch (type)
        {
            case "any" or null:
                return;
            case "string" when format is "int64" or "uint64" or "google-duration" or "google-fieldmask":
                target["type"] = format is "int64" or "uint64" ? new JsonArray("string", "integer") : "string";
                return;
            case "integer" when format is "int64" or "uint64":
                target["type"] = new JsonArray("integer", "string");
                return;
            default:
                target["type"] = type;
                return;
        }
    }

    private static void AddSnakeCaseAliases(JsonObject props)
    {
        foreach (var (name, schema) in props.ToList())
        {
            var snake = string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : c.ToString()));
            if (snake != name && !props.ContainsKey(snake))
            {
                props[snake] = schema?.DeepClone();
            }
        }
    }
}
