// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// Source-generated JSON metadata for the Pinecone wire (AOT-safe). Names are explicit on every DTO: the control and inference
/// planes are snake_case, the data plane camelCase.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PineconeCreateIndexRequest))]
[JsonSerializable(typeof(PineconeIndexModel))]
[JsonSerializable(typeof(PineconeIndexList))]
[JsonSerializable(typeof(PineconeUpsertRequest))]
[JsonSerializable(typeof(PineconeUpsertResponse))]
[JsonSerializable(typeof(PineconeFetchResponse))]
[JsonSerializable(typeof(PineconeFetchByMetadataRequest))]
[JsonSerializable(typeof(PineconeQueryRequest))]
[JsonSerializable(typeof(PineconeQueryResponse))]
[JsonSerializable(typeof(PineconeDeleteRequest))]
[JsonSerializable(typeof(PineconeVector))]
[JsonSerializable(typeof(PineconeEmbedRequest))]
[JsonSerializable(typeof(PineconeEmbedResponse))]
[JsonSerializable(typeof(PineconeRerankRequest))]
[JsonSerializable(typeof(PineconeRerankResponse))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
internal sealed partial class PineconeJsonContext : JsonSerializerContext
{
}
