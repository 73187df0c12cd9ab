// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>Source-generated JSON metadata for the OpenAI wire (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WireChatRequest))]
[JsonSerializable(typeof(WireChatResponse))]
[JsonSerializable(typeof(WireEmbeddingRequest))]
[JsonSerializable(typeof(WireEmbeddingResponse))]
[JsonSerializable(typeof(WireSpeechRequest))]
[JsonSerializable(typeof(WireTranscription))]
[JsonSerializable(typeof(List<WireContentPart>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class OpenAIWireJsonContext : JsonSerializerContext
{
}
