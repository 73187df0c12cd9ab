// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;
using AssistantProviders.AspNetCore.Internal.Wire;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Source-generated JSON metadata of the gateway's wire types (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(ChatCompletionChunk))]
[JsonSerializable(typeof(EmbeddingRequest))]
[JsonSerializable(typeof(ImageRequest))]
[JsonSerializable(typeof(ImagesResponse))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(WireModel))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(SpeechRequest))]
[JsonSerializable(typeof(TranscriptionResponse))]
[JsonSerializable(typeof(RerankRequest))]
[JsonSerializable(typeof(RerankResponse))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext
{
}
