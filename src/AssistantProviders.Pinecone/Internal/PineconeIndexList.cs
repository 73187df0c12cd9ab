// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>GET /indexes</c>.</summary>
internal sealed class PineconeIndexList
{
    [JsonPropertyName("indexes")]
    public List<PineconeIndexModel>? Indexes { get; init; }
}
