// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>Source-generated JSON metadata of every Deepgram payload.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeepgramListenResponse))]
[JsonSerializable(typeof(DeepgramLiveResults))]
[JsonSerializable(typeof(DeepgramLiveMetadata))]
[JsonSerializable(typeof(DeepgramLiveEvent))]
[JsonSerializable(typeof(DeepgramControlMessage))]
[JsonSerializable(typeof(DeepgramUrlRequest))]
[JsonSerializable(typeof(DeepgramSpeakRequest))]
[JsonSerializable(typeof(DeepgramModelsResponse))]
internal sealed partial class DeepgramJsonContext : JsonSerializerContext;
