// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Sqlite.Tests;

/// <summary>A vector-store record with every kind of data value the SQLite store keeps as JSON.</summary>
public sealed class VectorDocument
{
    [VectorStoreKey]
    public string Id { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public string Title { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public int Rating { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public double Price { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public float Weight { get; set; }

    [VectorStoreData]
    public decimal Amount { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public Guid Owner { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public DateTimeOffset Published { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public string[] Tags { get; set; } = [];

    [VectorStoreData]
    public List<int> Counts { get; set; } = [];

    [VectorStoreData]
    public string? Notes { get; set; }

    [VectorStoreVector(4)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}
