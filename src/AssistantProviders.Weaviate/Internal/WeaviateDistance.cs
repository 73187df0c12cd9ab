// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// MEVD distance functions on Weaviate's distance metrics, and the score of a result in the direction MEVD defines for the function
/// (similarities: higher is nearer; distances: lower is nearer). Weaviate answers a distance for every metric.
/// </summary>
internal static class WeaviateDistance
{
    public const string Default = DistanceFunction.CosineDistance;

    /// <summary>The Weaviate metric for a distance function (null or empty = cosine distance).</summary>
    public static string MetricOf(string? distanceFunction, string property) => (distanceFunction ?? Default) switch
    {
        DistanceFunction.CosineDistance or DistanceFunction.CosineSimilarity or "" => "cosine",
        DistanceFunction.DotProductSimilarity or DistanceFunction.NegativeDotProductSimilarity => "dot",
        DistanceFunction.EuclideanSquaredDistance or DistanceFunction.EuclideanDistance => "l2-squared",
        DistanceFunction.HammingDistance => "hamming",
        DistanceFunction.ManhattanDistance => "manhattan",
        var other => throw new NotSupportedException($"The distance function '{other}' of vector property '{property}' is not supported by Weaviate; use CosineDistance, CosineSimilarity, DotProductSimilarity, NegativeDotProductSimilarity, EuclideanDistance, EuclideanSquaredDistance, HammingDistance or ManhattanDistance."),
    };

    /// <summary>The MEVD score of a Weaviate distance: <c>1 - d</c> for cosine similarity, <c>-d</c> for dot product, <c>sqrt(d)</c> for Euclidean, else <c>d</c>.</summary>
    public static double ScoreOf(string? distanceFunction, double distance) => (distanceFunction ?? Default) switch
    {
        DistanceFunction.CosineSimilarity => 1 - distance,
        DistanceFunction.DotProductSimilarity => -distance,
        DistanceFunction.EuclideanDistance => Math.Sqrt(Math.Max(0, distance)),
        _ => distance,
    };

    /// <summary>Whether a higher score is nearer for the function.</summary>
    public static bool HigherIsNearer(string? distanceFunction) =>
        (distanceFunction ?? Default) is DistanceFunction.CosineSimilarity or DistanceFunction.DotProductSimilarity;
}
