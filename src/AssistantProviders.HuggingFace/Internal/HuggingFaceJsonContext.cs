// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.HuggingFace.Internal;

/// <summary>Source-generated JSON metadata of the feature-extraction pipeline (AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FeatureExtractionRequest))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class HuggingFaceJsonContext : JsonSerializerContext
{
}
