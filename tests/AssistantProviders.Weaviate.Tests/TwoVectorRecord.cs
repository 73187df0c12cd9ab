// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>A record with two vector properties: Weaviate named vectors.</summary>
public sealed class TwoVectorRecord
{
    [VectorStoreKey]
    public Guid Id { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public string Name { get; set; } = string.Empty;

    [VectorStoreVector(2, DistanceFunction = DistanceFunction.CosineDistance)]
    public ReadOnlyMemory<float> TitleVector { get; set; }

    [VectorStoreVector(3, DistanceFunction = DistanceFunction.EuclideanSquaredDistance, IndexKind = IndexKind.Flat)]
    public float[]? BodyVector { get; set; }
}
