// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>One emulated Pinecone serverless index: its description and its records, per namespace (guarded by the index lock).</summary>
internal sealed class PineconeIndex
{
    public PineconeIndex(string name, int dimension, string metric, string cloud, string region)
    {
        Name = name;
        Dimension = dimension;
        Metric = metric;
        Cloud = cloud;
        Region = region;
    }

    public string Name { get; }

    public int Dimension { get; }

    public string Metric { get; }

    public string Cloud { get; }

    public string Region { get; }

    /// <summary>Gets or sets the filterable fields of the metadata schema; <see langword="null"/> = every field (no schema).</summary>
    public HashSet<string>? Filterable { get; init; }

    public Lock Gate { get; } = new();

    /// <summary>Gets the records: namespace → id → (values, metadata).</summary>
    public Dictionary<string, Dictionary<string, (float[] Values, JsonObject? Metadata)>> Namespaces { get; } = new(StringComparer.Ordinal);

    public VectorSearch.Metric SearchMetric => Metric switch
    {
        "dotproduct" => VectorSearch.Metric.DotProduct,
        "euclidean" => VectorSearch.Metric.SquaredEuclidean,
        _ => VectorSearch.Metric.CosineSimilarity,
    };

    public Dictionary<string, (float[] Values, JsonObject? Metadata)> Namespace(string? ns, bool create)
    {
        var key = ns ?? string.Empty;
        if (!Namespaces.TryGetValue(key, out var records) && create)
        {
            records = new Dictionary<string, (float[] Values, JsonObject? Metadata)>(StringComparer.Ordinal);
            Namespaces[key] = records;
        }

        return records ?? [];
    }
}
