// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>An index's <c>status</c>.</summary>
internal sealed class PineconeIndexStatus
{
    [JsonPropertyName("ready")]
    public bool Ready { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }
}
