// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>Source-generated JSON metadata for AssemblyAI's REST bodies and streaming messages.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AssemblyAIUploadedFile))]
[JsonSerializable(typeof(AssemblyAITranscriptRequest))]
[JsonSerializable(typeof(AssemblyAITranscript))]
[JsonSerializable(typeof(AssemblyAIStreamingMessage))]
[JsonSerializable(typeof(AssemblyAIControlMessage))]
internal sealed partial class AssemblyAIJsonContext : JsonSerializerContext
{
}
