// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// MEVD distance functions and Pinecone metrics. Pinecone's <c>cosine</c> and <c>dotproduct</c> scores are similarities (higher is
/// nearer); its <c>euclidean</c> score is the squared Euclidean distance (lower is nearer).
/// </summary>
internal static class PineconeMetric
{
    public const string Cosine = "cosine";
    public const string DotProduct = "dotproduct";
    public const string Euclidean = "euclidean";

    /// <summary>The Pinecone metric for a distance function (<see langword="null"/> = cosine similarity, Pinecone's default).</summary>
    public static string FromDistanceFunction(string? distanceFunction) => distanceFunction switch
    {
        null or DistanceFunction.CosineSimilarity => Cosine,
        DistanceFunction.DotProductSimilarity => DotProduct,
        DistanceFunction.EuclideanSquaredDistance => Euclidean,
        _ => throw new NotSupportedException(
            $"Pinecone does not support the distance function '{distanceFunction}'. Use {DistanceFunction.CosineSimilarity} (metric cosine), " +
            $"{DistanceFunction.DotProductSimilarity} (dotproduct) or {DistanceFunction.EuclideanSquaredDistance} (euclidean)."),
    };

    /// <summary>Whether a higher score is a nearer record for the metric.</summary>
    public static bool HigherIsNearer(string metric) => !string.Equals(metric, Euclidean, StringComparison.Ordinal);
}
