// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Gemini.Internal;

/// <summary>Source-generated JSON metadata for the Gemini wire (lowerCamelCase, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GeminiGenerateContentRequest))]
[JsonSerializable(typeof(GeminiGenerateContentResponse))]
[JsonSerializable(typeof(GeminiEmbedContentRequest))]
[JsonSerializable(typeof(GeminiBatchEmbedContentsRequest))]
[JsonSerializable(typeof(GeminiEmbedContentResponse))]
[JsonSerializable(typeof(GeminiListModelsResponse))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class GeminiJsonContext : JsonSerializerContext
{
}
