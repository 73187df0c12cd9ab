// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone.Tests;

/// <summary>The test record: a string key, indexed metadata, one non-indexed field and a 3-dimension vector.</summary>
public sealed class Hotel
{
    [VectorStoreKey]
    public string Id { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true, StorageName = "hotel_name")]
    public string Name { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public int Rating { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public double Price { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public bool Open { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public string[] Tags { get; set; } = [];

    [VectorStoreData]
    public string? Notes { get; set; }

    [VectorStoreVector(3, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float> Vector { get; set; }
}
