// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /vectors/delete</c> by ids (at most 1,000).</summary>
internal sealed class PineconeDeleteRequest
{
    [JsonPropertyName("ids")]
    public required IReadOnlyList<string> Ids { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }
}
