// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /indexes</c> (control plane, snake_case).</summary>
internal sealed class PineconeCreateIndexRequest
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("dimension")]
    public int Dimension { get; init; }

    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    [JsonPropertyName("deletion_protection")]
    public string DeletionProtection { get; init; } = "disabled";

    [JsonPropertyName("spec")]
    public required PineconeIndexSpec Spec { get; init; }

    [JsonPropertyName("vector_type")]
    public string VectorType { get; init; } = "dense";
}
