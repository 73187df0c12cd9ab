// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>Writes content as a string when it is plain text, else as an array of parts; reads either.</summary>
internal sealed class WireContentConverter : JsonConverter<WireContent>
{
    public override WireContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new WireContent { Text = reader.GetString() };
            case JsonTokenType.StartArray:
                var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<WireContentPart>>)options.GetTypeInfo(typeof(List<WireContentPart>));
                return new WireContent { Parts = JsonSerializer.Deserialize(ref reader, info) };
            default:
                throw new JsonException($"Unexpected token {reader.TokenType} for message content.");
        }
    }

    public override void Write(Utf8JsonWriter writer, WireContent value, JsonSerializerOptions options)
    {
        if (value.Parts is { } parts)
        {
            var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<WireContentPart>>)options.GetTypeInfo(typeof(List<WireContentPart>));
            JsonSerializer.Serialize(writer, parts, info);
        }
        else if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
