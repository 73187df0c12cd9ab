// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Replicate.Internal;

/// <summary>Builds a model's <c>input</c> object from MEAI options: typed values copied as JSON, the <see cref="ReplicatePropertyNames.Input"/> merge.</summary>
internal static class ReplicateInput
{
    /// <summary>Copies <paramref name="key"/> from the properties into the input as <paramref name="field"/>, when set to a JSON-able value.</summary>
    public static void Copy(AdditionalPropertiesDictionary? properties, string key, JsonObject input, string? field = null)
    {
        if (properties is not null && properties.TryGetValue(key, out var value) && ToNode(value) is { } node)
        {
            input[field ?? key] = node;
        }
    }

    /// <summary>Merges the <see cref="ReplicatePropertyNames.Input"/> object (a JsonElement, JsonObject or JSON text) into the input.</summary>
    public static void Merge(AdditionalPropertiesDictionary? properties, JsonObject input, string? modelId)
    {
        if (properties is null || !properties.TryGetValue(ReplicatePropertyNames.Input, out var raw) || raw is null)
        {
            return;
        }

        JsonObject? extra;
        try
        {
            extra = raw switch
            {
                JsonObject o => (JsonObject)o.DeepClone(),
                JsonElement { ValueKind: JsonValueKind.Object } e => JsonObject.Create(e.Clone()),
                string text => JsonNode.Parse(text) as JsonObject,
                _ => null,
            };
        }
        catch (JsonException)
        {
            extra = null;
        }

        if (extra is null)
        {
            throw ReplicateErrors.BadInput("invalid_input", $"{ReplicatePropertyNames.Input} must be a JSON object (a JsonElement, JsonObject or JSON text); nothing was sent.", modelId);
        }

        foreach (var (name, value) in extra.ToList())
        {
            extra.Remove(name);
            input[name] = value;
        }
    }

    /// <summary>Reads an integer property (int, long, a whole double, JsonElement or text).</summary>
    public static long? Long(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value switch
        {
            int i => i,
            long l => l,
            double d when Math.Abs(d % 1) < double.Epsilon => (long)d,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ => null,
        } : null;

    public static string? String(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value switch
        {
            string s when s.Length > 0 => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        } : null;

    public static TimeSpan? Duration(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value switch
        {
            TimeSpan t when t > TimeSpan.Zero => t,
            string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero => t,
            _ => null,
        } : null;

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        JsonNode n => n.DeepClone(),
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
