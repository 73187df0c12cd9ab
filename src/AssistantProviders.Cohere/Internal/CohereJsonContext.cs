// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Source-generated JSON metadata for the Cohere wire (snake_case, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CohereChatRequest))]
[JsonSerializable(typeof(CohereChatResponse))]
[JsonSerializable(typeof(CohereStreamEvent))]
[JsonSerializable(typeof(CohereToolCall))]
[JsonSerializable(typeof(CohereCitation))]
[JsonSerializable(typeof(CohereUsage))]
[JsonSerializable(typeof(List<CohereContentPart>))]
[JsonSerializable(typeof(CohereEmbedRequest))]
[JsonSerializable(typeof(CohereEmbedResponse))]
[JsonSerializable(typeof(CohereRerankRequest))]
[JsonSerializable(typeof(CohereRerankResponse))]
[JsonSerializable(typeof(CohereListModelsResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CohereJsonContext : JsonSerializerContext
{
}
