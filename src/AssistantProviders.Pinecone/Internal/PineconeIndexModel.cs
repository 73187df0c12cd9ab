// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>An index description (<c>IndexModel</c>): name, dimension, metric, data-plane host and status.</summary>
internal sealed class PineconeIndexModel
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("dimension")]
    public int? Dimension { get; init; }

    [JsonPropertyName("metric")]
    public string? Metric { get; init; }

    [JsonPropertyName("host")]
    public string? Host { get; init; }

    [JsonPropertyName("status")]
    public PineconeIndexStatus? Status { get; init; }

    [JsonPropertyName("spec")]
    public PineconeIndexSpec? Spec { get; init; }

    [JsonPropertyName("vector_type")]
    public string? VectorType { get; init; }
}
