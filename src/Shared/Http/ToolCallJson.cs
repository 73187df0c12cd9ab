// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>
/// JSON helpers for native (non OpenAI-wire) tool calling: function arguments as a JSON object (Ollama <c>arguments</c>,
/// Anthropic <c>input</c>) in both directions, and function results as text. AOT-safe (MEAI's source-generated options).
/// </summary>
internal static class ToolCallJson
{
    /// <summary>Serializes MEAI call arguments to a JSON object element (<c>{}</c> when none).</summary>
    public static JsonElement ArgumentsToElement(IDictionary<string, object?>? arguments) =>
        arguments is null
            ? EmptyObject()
            : JsonSerializer.SerializeToElement(arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    /// <summary>Reads a JSON object element into MEAI call arguments (values stay <see cref="JsonElement"/>); a non-object gives an empty dictionary.</summary>
    public static Dictionary<string, object?> ElementToArguments(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                result[property.Name] = property.Value.Clone();
            }
        }

        return result;
    }

    /// <summary>Parses arguments accumulated as JSON text (streamed deltas); blank text is an empty object.</summary>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static Dictionary<string, object?> TextToArguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        using var doc = JsonDocument.Parse(json);
        return ElementToArguments(doc.RootElement);
    }

    /// <summary>Turns a function result into the text sent back to the model.</summary>
    public static string SerializeResult(object? result) => result switch
    {
        null => string.Empty,
        string s => s,
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText(),
        TextContent t => t.Text,
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };

    /// <summary>Gets an empty JSON object element.</summary>
    public static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }
}
