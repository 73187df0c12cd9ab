// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /vectors/upsert</c> (at most 1,000 vectors and 2 MB per request).</summary>
internal sealed class PineconeUpsertRequest
{
    [JsonPropertyName("vectors")]
    public required IReadOnlyList<PineconeVector> Vectors { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }
}
