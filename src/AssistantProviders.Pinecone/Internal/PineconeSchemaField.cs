// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>One field of a metadata schema (<c>{"filterable": true}</c>; Pinecone accepts only <see langword="true"/>).</summary>
internal sealed class PineconeSchemaField
{
    [JsonPropertyName("filterable")]
    public bool Filterable { get; init; } = true;
}
