// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Reads request JSON leniently: wrong types read as empty, never throw.</summary>
internal static class JsonText
{
    public static string? Str(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value
            ? value.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    public static int? Int(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var i) ? i : null;

    public static JsonArray Arr(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonArray array ? array : [];

    public static JsonObject? Obj(JsonNode? node, string name) => node is JsonObject obj ? obj[name] as JsonObject : null;

    /// <summary>
    /// The text of a content value: a string, or an array of parts (<c>{type:text,text}</c>, <c>{text}</c>, nested <c>content</c>),
    /// or any other JSON as its compact text.
    /// </summary>
    public static string Content(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return string.Empty;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case JsonArray parts:
                var sb = new StringBuilder();
                foreach (var part in parts)
                {
                    var text = part is JsonObject p && p["text"] is not null ? Content(p["text"])
                        : part is JsonObject q && q["content"] is not null ? Content(q["content"])
                        : Content(part);
                    if (text.Length > 0)
                    {
                        if (sb.Length > 0)
                        {
                            sb.Append(' ');
                        }

                        sb.Append(text);
                    }
                }

                return sb.ToString();
            default:
                return node.ToJsonString();
        }
    }
}
