// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>A serverless index's metadata <c>schema</c>: when present, only the listed fields are indexed (filterable).</summary>
internal sealed class PineconeMetadataSchema
{
    [JsonPropertyName("fields")]
    public required Dictionary<string, PineconeSchemaField> Fields { get; init; }
}
