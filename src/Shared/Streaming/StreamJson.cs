// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AssistantProviders.Shared;

/// <summary>Deserializes one stream event or NDJSON line; malformed JSON becomes <see cref="InvalidResponseException"/> naming its position.</summary>
internal static class StreamJson
{
    /// <summary>Parses one UTF-8 line or event as it arrived (no string in between).</summary>
    public static T? Parse<T>(ProviderTransport transport, ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, string? modelId, string position)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo);
        }
        catch (JsonException ex)
        {
            throw transport.InvalidResponse(modelId, $"{position} was not valid JSON", ex);
        }
    }

    /// <summary>
    /// Parses one SSE event's data from its UTF-8 bytes (the item parser of <c>ProviderSseStream.ReadAsync</c>): data that is
    /// only JSON whitespace, or the literal <c>[DONE]</c> when <paramref name="doneMarker"/> is set, gives <see langword="null"/>.
    /// </summary>
    public static T? ParseEvent<T>(ProviderTransport transport, ReadOnlySpan<byte> data, JsonTypeInfo<T> typeInfo, string? modelId, string position, bool doneMarker)
        where T : class
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        return trimmed.IsEmpty || (doneMarker && trimmed.SequenceEqual("[DONE]"u8)) ? null : Parse(transport, trimmed, typeInfo, modelId, position);
    }
}
