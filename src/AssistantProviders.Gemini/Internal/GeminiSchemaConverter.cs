// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Text.Json;

namespace AssistantProviders.Gemini.Internal;

/// <summary>
/// Converts a JSON Schema (as MEAI produces for functions and structured output) to Gemini's <c>Schema</c> dialect, an
/// OpenAPI 3.0 subset: <c>type</c> (upper case), <c>format</c>, <c>description</c>, <c>nullable</c>, <c>enum</c>,
/// <c>properties</c>, <c>required</c>, <c>items</c>. Everything else (<c>$schema</c>, <c>additionalProperties</c>,
/// <c>default</c>, <c>$ref</c>, <c>pattern</c>…) is dropped; a type list or an <c>anyOf</c> with <c>null</c> becomes
/// <c>nullable</c>; <c>const</c> becomes a one-value enum.
/// </summary>
internal static class GeminiSchemaConverter
{
    private static readonly HashSet<string> SupportedFormats = new(StringComparer.Ordinal) { "enum", "date-time", "float", "double", "int32", "int64" };

    /// <summary>Converts a function's parameter schema; <see langword="null"/> when the function takes no parameters (Gemini rejects an empty object).</summary>
    public static JsonElement? ToParameters(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object ||
            !schema.TryGetProperty("properties", out var properties) ||
            properties.ValueKind != JsonValueKind.Object ||
            !properties.EnumerateObject().Any())
        {
            return null;
        }

        return Convert(schema);
    }

    /// <summary>Converts any schema.</summary>
    public static JsonElement Convert(JsonElement schema)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, schema);
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement schema)
    {
        writer.WriteStartObject();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            // "true" / "{}" schemas: any value; Gemini needs a type, a string is the most permissive it has.
            writer.WriteString("type", "STRING");
            writer.WriteEndObject();
            return;
        }

        var nullable = false;
        var effective = schema;
        foreach (var combiner in (ReadOnlySpan<string>)["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(combiner, out var options) && options.ValueKind == JsonValueKind.Array)
            {
                JsonElement? chosen = null;
                foreach (var option in options.EnumerateArray())
                {
                    if (IsNullSchema(option))
                    {
                        nullable = true;
                    }
                    else
                    {
                        chosen ??= option;
                    }
                }

                if (chosen is { } c)
                {
                    effective = c;
                }
            }
        }

        var type = TypeOf(effective, ref nullable) ?? TypeOf(schema, ref nullable);
        string? constValue = effective.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.String ? constant.GetString() : null;
        var hasEnum = constValue is not null ||
            (effective.TryGetProperty("enum", out var enumValues) && enumValues.ValueKind == JsonValueKind.Array && enumValues.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Null));
        if (hasEnum && constValue is null && effective.GetProperty("enum").EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null))
        {
            nullable = true;
        }

        type ??= effective.TryGetProperty("properties", out _) ? "OBJECT"
            : effective.TryGetProperty("items", out _) ? "ARRAY"
            : "STRING";

        writer.WriteString("type", type);
        if (hasEnum && type == "STRING")
        {
            writer.WriteString("format", "enum");
        }
        else if (effective.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && SupportedFormats.Contains(format.GetString()!))
        {
            writer.WriteString("format", format.GetString());
        }

        var description = Str(effective, "description") ?? Str(schema, "description");
        if (description is not null)
        {
            writer.WriteString("description", description);
        }

        if (nullable)
        {
            writer.WriteBoolean("nullable", true);
        }

        if (hasEnum && type == "STRING")
        {
            writer.WriteStartArray("enum");
            if (constValue is not null)
            {
                writer.WriteStringValue(constValue);
            }
            else
            {
                foreach (var value in effective.GetProperty("enum").EnumerateArray())
                {
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        writer.WriteStringValue(value.GetString());
                    }
                }
            }

            writer.WriteEndArray();
        }

        if (type == "OBJECT" && effective.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            var names = new List<string>();
            writer.WriteStartObject("properties");
            foreach (var property in properties.EnumerateObject())
            {
                names.Add(property.Name);
                writer.WritePropertyName(property.Name);
                Write(writer, property.Value);
            }

            writer.WriteEndObject();
            if (effective.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
            {
                var kept = required.EnumerateArray()
                    .Where(r => r.ValueKind == JsonValueKind.String && names.Contains(r.GetString()!, StringComparer.Ordinal))
                    .Select(r => r.GetString()!)
                    .ToList();
                if (kept.Count > 0)
                {
                    writer.WriteStartArray("required");
                    foreach (var name in kept)
                    {
                        writer.WriteStringValue(name);
                    }

                    writer.WriteEndArray();
                }
            }
        }

        if (type == "ARRAY")
        {
            writer.WritePropertyName("items");
            if (effective.TryGetProperty("items", out var items))
            {
                Write(writer, items);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("type", "STRING");
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
    }

    private static string? TypeOf(JsonElement schema, ref bool nullable)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return Normalize(type.GetString());
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            string? chosen = null;
            foreach (var t in type.EnumerateArray())
            {
                var name = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (string.Equals(name, "null", StringComparison.OrdinalIgnoreCase))
                {
                    nullable = true;
                }
                else
                {
                    chosen ??= Normalize(name);
                }
            }

            return chosen;
        }

        return null;
    }

    private static string? Normalize(string? type) => type?.ToUpperInvariant() switch
    {
        "STRING" => "STRING",
        "NUMBER" => "NUMBER",
        "INTEGER" => "INTEGER",
        "BOOLEAN" => "BOOLEAN",
        "ARRAY" => "ARRAY",
        "OBJECT" => "OBJECT",
        _ => null,
    };

    private static bool IsNullSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) &&
        t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
