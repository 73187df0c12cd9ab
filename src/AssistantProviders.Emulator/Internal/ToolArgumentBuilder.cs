// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal;

/// <summary>
/// Builds a tool call's arguments from the tool's JSON schema and the user's words (deterministic). The text is read once into
/// quoted phrases (<c>'…'</c>, <c>"…"</c>, <c>“…”</c>, <c>`…`</c>), arithmetic expressions (<c>(1250 * 0.2) + 17.5</c>) and
/// numbers, each used at most once, and the schema's properties are filled in their declared order: a string takes the next
/// quoted phrase, else the next expression; an integer or number the next number; an <c>enum</c> the value the text names,
/// else its first; a required boolean <c>false</c>. Optional properties the text gives nothing for are left out. When a required
/// property gets nothing, when nothing at all was found, or when the tool declared no <c>properties</c>, the arguments are the
/// fixed <see cref="EmulatorDefaults.ToolArgumentsJson"/>; a tool whose <c>properties</c> are empty gets <c>{}</c>.
/// </summary>
internal static class ToolArgumentBuilder
{
    public static string Build(JsonObject? schema, string text)
    {
        if (schema?["properties"] is not JsonObject properties)
        {
            return EmulatorDefaults.ToolArgumentsJson;
        }

        if (properties.Count == 0)
        {
            return "{}";
        }

        var required = JsonText.Arr(schema, "required").Select(r => r?.GetValueKind() == JsonValueKind.String ? r.GetValue<string>() : null).ToHashSet(StringComparer.Ordinal);
        var found = ToolArgumentSources.In(text);
        var arguments = new JsonObject();
        foreach (var (name, property) in properties)
        {
            var isRequired = required.Contains(name);
            var value = ValueFor(property as JsonObject, isRequired, found, text);
            if (value is null)
            {
                if (isRequired)
                {
                    return EmulatorDefaults.ToolArgumentsJson;
                }

                continue;
            }

            arguments[name] = value;
        }

        return arguments.Count == 0 ? EmulatorDefaults.ToolArgumentsJson : arguments.ToJsonString();
    }

    private static JsonNode? ValueFor(JsonObject? property, bool required, ToolArgumentSources found, string text)
    {
        if (JsonText.Arr(property, "enum") is { Count: > 0 } choices)
        {
            var named = choices.FirstOrDefault(c => c?.GetValueKind() == JsonValueKind.String && ToolMentions.WholeWordIndex(text, c.GetValue<string>()) >= 0);
            return (named ?? choices[0])?.DeepClone();
        }

        switch (TypeOf(property))
        {
            case "string":
                return found.Quoted.Count > 0 ? found.Quoted.Dequeue()
                    : found.Expressions.Count > 0 ? found.Expressions.Dequeue()
                    : null;
            case "integer":
                var index = found.Numbers.FindIndex(n => n == decimal.Truncate(n));
                if (index >= 0)
                {
                    var integer = found.Numbers[index];
                    found.Numbers.RemoveAt(index);
                    return JsonValue.Create(integer);
                }

                return null;
            case "number":
                if (found.Numbers.Count > 0)
                {
                    var number = found.Numbers[0];
                    found.Numbers.RemoveAt(0);
                    return JsonValue.Create(number);
                }

                return null;
            case "boolean":
                return required ? JsonValue.Create(false) : null;
            default:
                return null;
        }
    }

    /// <summary>The schema type, lower case (Gemini writes <c>STRING</c>); the first non-null one of a type array.</summary>
    private static string? TypeOf(JsonObject? property) => property?["type"] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().ToLowerInvariant(),
        JsonArray types => types.Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>().ToLowerInvariant() : null).FirstOrDefault(t => t is not null and not "null"),
        _ => null,
    };
}
