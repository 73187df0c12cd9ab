// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>Source-generated JSON metadata for the ElevenLabs wire (snake_case REST; the socket DTOs name their camelCase fields).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ElevenLabsSpeechRequest))]
[JsonSerializable(typeof(ElevenLabsVoicesResponse))]
[JsonSerializable(typeof(ElevenLabsVoiceDto))]
[JsonSerializable(typeof(ElevenLabsAddVoiceResponse))]
[JsonSerializable(typeof(ElevenLabsDeleteVoiceResponse))]
[JsonSerializable(typeof(List<ElevenLabsModelDto>))]
[JsonSerializable(typeof(ElevenLabsTranscript))]
[JsonSerializable(typeof(ElevenLabsSocketInit))]
[JsonSerializable(typeof(ElevenLabsSocketText))]
[JsonSerializable(typeof(ElevenLabsSocketOutput))]
internal sealed partial class ElevenLabsJsonContext : JsonSerializerContext
{
}
