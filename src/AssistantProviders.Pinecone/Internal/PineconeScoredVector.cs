// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>One query match (<c>ScoredVector</c>).</summary>
internal sealed class PineconeScoredVector
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("score")]
    public double? Score { get; init; }

    [JsonPropertyName("values")]
    public float[]? Values { get; init; }

    [JsonPropertyName("metadata")]
    public JsonObject? Metadata { get; init; }
}
