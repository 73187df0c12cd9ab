// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Replicate.Internal;

/// <summary>Source-generated JSON metadata for the Replicate wire (snake_case).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ReplicatePredictionDto))]
[JsonSerializable(typeof(ReplicateModelListDto))]
internal sealed partial class ReplicateJsonContext : JsonSerializerContext
{
}
