// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>The <c>upsert</c> response.</summary>
internal sealed class PineconeUpsertResponse
{
    [JsonPropertyName("upsertedCount")]
    public long? UpsertedCount { get; init; }
}
