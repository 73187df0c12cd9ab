// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>The record of Weaviate's docs collection the recorded fixtures query (JeopardyQuestion, 1,536-dimension vectors; lower-case storage names as there).</summary>
public sealed class JeopardyQuestion
{
    [VectorStoreKey]
    public Guid Id { get; set; }

    [VectorStoreData(IsFullTextIndexed = true, StorageName = "question")]
    public string Question { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true, StorageName = "answer")]
    public string Answer { get; set; } = string.Empty;

    [VectorStoreVector(1536, DistanceFunction = DistanceFunction.CosineDistance)]
    public ReadOnlyMemory<float> Vector { get; set; }
}
