// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>Source-generated JSON metadata for the Weaviate wire (REST and GraphQL envelopes; objects are read as <see cref="JsonElement"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WeaviateGraphQLRequest))]
[JsonSerializable(typeof(WeaviateGraphQLResponse))]
[JsonSerializable(typeof(List<WeaviateBatchResult>))]
[JsonSerializable(typeof(WeaviateSchema))]
[JsonSerializable(typeof(WeaviateMeta))]
[JsonSerializable(typeof(List<WeaviateTenant>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class WeaviateJsonContext : JsonSerializerContext
{
}
