// Licensed under the MIT License. See LICENSE in the project root.
using System.Numerics.Tensors;

namespace AssistantProviders.Emulator.Internal;

/// <summary>
/// Exact vector search for the emulator's vector-database wires (one helper for every wire): similarity and distance with
/// <see cref="TensorPrimitives"/>, and the nearest <c>k</c> of a candidate set.
/// </summary>
internal static class VectorSearch
{
    /// <summary>The metrics the wires score with.</summary>
    public enum Metric
    {
        /// <summary>Cosine similarity (higher is nearer).</summary>
        CosineSimilarity,

        /// <summary>Cosine distance, 1 - cosine similarity (lower is nearer).</summary>
        CosineDistance,

        /// <summary>Dot product (higher is nearer).</summary>
        DotProduct,

        /// <summary>Squared Euclidean distance (lower is nearer).</summary>
        SquaredEuclidean,

        /// <summary>Euclidean distance (lower is nearer).</summary>
        Euclidean,
    }

    /// <summary>Whether a higher score is nearer under <paramref name="metric"/>.</summary>
    public static bool HigherIsNearer(Metric metric) => metric is Metric.CosineSimilarity or Metric.DotProduct;

    /// <summary>Scores <paramref name="stored"/> against <paramref name="query"/> (same length).</summary>
    public static double Score(Metric metric, ReadOnlySpan<float> query, ReadOnlySpan<float> stored) => metric switch
    {
        Metric.CosineSimilarity => TensorPrimitives.CosineSimilarity(query, stored),
        Metric.CosineDistance => 1 - TensorPrimitives.CosineSimilarity(query, stored),
        Metric.DotProduct => TensorPrimitives.Dot(query, stored),
        Metric.Euclidean => TensorPrimitives.Distance(query, stored),
        _ => SquaredDistance(query, stored),
    };

    /// <summary>The nearest <paramref name="k"/> candidates, nearest first (ties by key, ordinal).</summary>
    public static List<(string Key, double Score)> Nearest(Metric metric, ReadOnlySpan<float> query, IEnumerable<(string Key, float[] Vector)> candidates, int k)
    {
        var scored = new List<(string Key, double Score)>();
        foreach (var (key, vector) in candidates)
        {
            scored.Add((key, Score(metric, query, vector)));
        }

        var higher = HigherIsNearer(metric);
        scored.Sort((a, b) =>
        {
            var byScore = higher ? b.Score.CompareTo(a.Score) : a.Score.CompareTo(b.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Key, b.Key);
        });
        return scored.Count > k ? scored[..k] : scored;
    }

    private static double SquaredDistance(ReadOnlySpan<float> query, ReadOnlySpan<float> stored)
    {
        var distance = TensorPrimitives.Distance(query, stored);
        return (double)distance * distance;
    }
}
