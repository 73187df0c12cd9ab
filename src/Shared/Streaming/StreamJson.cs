// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AssistantProviders.Shared;

/// <summary>Deserializes one stream event or NDJSON line; malformed JSON becomes <see cref="InvalidResponseException"/> naming its position.</summary>
internal static class StreamJson
{
    public static T? Parse<T>(ProviderTransport transport, string data, JsonTypeInfo<T> typeInfo, string? modelId, string position)
    {
        try
        {
            return JsonSerializer.Deserialize(data, typeInfo);
        }
        catch (JsonException ex)
        {
            throw transport.InvalidResponse(modelId, $"{position} was not valid JSON", ex);
        }
    }

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
}
