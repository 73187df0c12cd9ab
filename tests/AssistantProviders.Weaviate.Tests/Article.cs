// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>The test record: every Weaviate data type, one indexed nullable, one full-text and one non-indexed property.</summary>
public sealed class Article
{
    [VectorStoreKey]
    public Guid Id { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public string Title { get; set; } = string.Empty;

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Body { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public int Year { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public double Rating { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public bool Published { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public DateTimeOffset Created { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public List<string> Tags { get; set; } = [];

    [VectorStoreData(IsIndexed = true)]
    public string? Category { get; set; }

    [VectorStoreData]
    public string? Notes { get; set; }

    [VectorStoreVector(3, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}
