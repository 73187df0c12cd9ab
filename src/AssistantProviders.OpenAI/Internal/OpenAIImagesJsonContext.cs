// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>Source-generated JSON metadata for the OpenAI images endpoints (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ImageWireRequest))]
[JsonSerializable(typeof(ImagesWireResponse))]
internal sealed partial class OpenAIImagesJsonContext : JsonSerializerContext
{
}
