// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>
/// JSON helpers for tool calling on native (non OpenAI-wire) formats: function arguments and results to and from JSON,
/// through MEAI's own serializer options (AOT-safe source-generated metadata for the common types).
/// </summary>
internal static class FunctionJson
{
    /// <summary>Serializes call arguments as a JSON object text (<c>{}</c> when there are none).</summary>
    public static string SerializeArguments(IDictionary<string, object?>? arguments) =>
        arguments is null ? "{}" : Compact(arguments, typeof(IDictionary<string, object?>));

    /// <summary>Serializes call arguments as a JSON object element.</summary>
    public static JsonElement ArgumentsElement(IDictionary<string, object?>? arguments) => Parse(SerializeArguments(arguments));

    /// <summary>Serializes a function result as text: strings as-is, JSON elements raw, anything else as JSON.</summary>
    public static string SerializeResult(object? result) => result switch
    {
        null => string.Empty,
        string s => s,
        JsonElement e => e.GetRawText(),
        _ => Compact(result, result.GetType()),
    };

    /// <summary>Serializes a function result as a JSON value (a string result stays a JSON string unless it is itself a JSON object).</summary>
    public static JsonElement ResultElement(object? result)
    {
        switch (result)
        {
            case null:
                return Parse("null");
            case JsonElement e:
                return e.Clone();
            case string s:
                var trimmed = s.AsSpan().TrimStart();
                if (trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '['))
                {
                    try
                    {
                        return Parse(s);
                    }
                    catch (JsonException)
                    {
                        // Not JSON after all: send it as a string.
                    }
                }

                return Parse(Compact(s, typeof(string)));
            default:
                return Parse(Compact(result, result.GetType()));
        }
    }

    /// <summary>Parses a JSON object into call arguments (values stay <see cref="JsonElement"/>); <see langword="null"/> when not an object.</summary>
    public static Dictionary<string, object?>? ToArguments(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }

    /// <summary>Builds a <see cref="FunctionCallContent"/> from streamed or whole argument text; bad JSON is kept on <see cref="FunctionCallContent.Exception"/>.</summary>
    public static FunctionCallContent ParseCall(string callId, string name, string? argumentsJson) =>
        FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson,
            callId,
            name,
            static json =>
            {
                using var doc = JsonDocument.Parse(json);
                return ToArguments(doc.RootElement);
            });

    /// <summary>
    /// Serializes with MEAI's options but without indentation (<see cref="AIJsonUtilities.DefaultOptions"/> indents, which
    /// would put newlines and padding into every argument string sent to the vendor).
    /// </summary>
    public static string Compact(object value, Type type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = AIJsonUtilities.DefaultOptions.Encoder }))
        {
            JsonSerializer.Serialize(writer, value, AIJsonUtilities.DefaultOptions.GetTypeInfo(type));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses JSON text into a detached element.</summary>
    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
