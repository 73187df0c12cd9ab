// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>A serverless spec: cloud and region.</summary>
internal sealed class PineconeServerlessSpec
{
    [JsonPropertyName("cloud")]
    public string? Cloud { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("schema")]
    public PineconeMetadataSchema? Schema { get; init; }
}
