// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Reads and writes <see cref="CohereContent"/> as a JSON string or an array of blocks (AOT-safe).</summary>
internal sealed class CohereContentConverter : JsonConverter<CohereContent>
{
    public override CohereContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => new CohereContent { Text = reader.GetString() },
        _ => new CohereContent { Parts = JsonSerializer.Deserialize(ref reader, CohereJsonContext.Default.ListCohereContentPart) },
    };

    public override void Write(Utf8JsonWriter writer, CohereContent value, JsonSerializerOptions options)
    {
        if (value.Parts is { } parts)
        {
            JsonSerializer.Serialize(writer, parts, CohereJsonContext.Default.ListCohereContentPart);
        }
        else
        {
            writer.WriteStringValue(value.Text ?? string.Empty);
        }
    }
}
