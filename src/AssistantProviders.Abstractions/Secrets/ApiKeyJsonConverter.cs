// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders;

/// <summary>Serializes an <see cref="ApiKey"/> as <c>"REDACTED"</c>. Reading a key from JSON is allowed (configuration files).</summary>
public sealed class ApiKeyJsonConverter : JsonConverter<ApiKey>
{
    /// <inheritdoc/>
    public override ApiKey? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : ApiKey.FromString(reader.GetString());

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ApiKey value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ApiKey.Redacted);
    }
}
