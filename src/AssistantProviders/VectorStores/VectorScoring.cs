// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.VectorStores;

/// <summary>
/// Exact scores with <see cref="TensorPrimitives"/>, with the meaning MEVD gives each <see cref="DistanceFunction"/>: the
/// similarities (cosine similarity, dot product) are higher for nearer vectors; the distances (cosine distance, negative dot
/// product, Euclidean, squared Euclidean, Manhattan) are lower. The default (no distance function) is cosine similarity.
/// </summary>
internal static class VectorScoring
{
    /// <summary>The supported distance functions, for error messages.</summary>
    public const string SupportedFunctions =
        "CosineSimilarity, CosineDistance, DotProductSimilarity, NegativeDotProductSimilarity, EuclideanDistance, EuclideanSquaredDistance, ManhattanDistance";

    /// <summary>Scores two vectors of the same length.</summary>
    /// <param name="x">The query.</param>
    /// <param name="y">The stored vector.</param>
    /// <returns>The score.</returns>
    public delegate float Scorer(ReadOnlySpan<float> x, ReadOnlySpan<float> y);

    /// <summary>Gets a value indicating whether the distance function is supported.</summary>
    /// <param name="distanceFunction">The function (null: the default).</param>
    /// <returns>Whether it is.</returns>
    public static bool IsSupported(string? distanceFunction) => distanceFunction is null
        or DistanceFunction.CosineSimilarity or DistanceFunction.CosineDistance or DistanceFunction.DotProductSimilarity
        or DistanceFunction.NegativeDotProductSimilarity or DistanceFunction.EuclideanDistance
        or DistanceFunction.EuclideanSquaredDistance or DistanceFunction.ManhattanDistance;

    /// <summary>Gets a value indicating whether a higher score is nearer under the distance function.</summary>
    /// <param name="distanceFunction">The function (null: the default).</param>
    /// <returns>Whether it is.</returns>
    public static bool HigherIsNearer(string? distanceFunction) =>
        distanceFunction is null or DistanceFunction.CosineSimilarity or DistanceFunction.DotProductSimilarity;

    /// <summary>Gets the scorer of a supported distance function.</summary>
    /// <param name="distanceFunction">The function (null: the default).</param>
    /// <returns>The scorer.</returns>
    public static Scorer For(string? distanceFunction) => distanceFunction switch
    {
        null or DistanceFunction.CosineSimilarity => static (x, y) => TensorPrimitives.CosineSimilarity(x, y),
        DistanceFunction.CosineDistance => static (x, y) => 1f - TensorPrimitives.CosineSimilarity(x, y),
        DistanceFunction.DotProductSimilarity => static (x, y) => TensorPrimitives.Dot(x, y),
        DistanceFunction.NegativeDotProductSimilarity => static (x, y) => -TensorPrimitives.Dot(x, y),
        DistanceFunction.EuclideanDistance => static (x, y) => TensorPrimitives.Distance(x, y),
        DistanceFunction.EuclideanSquaredDistance => static (x, y) => SquaredDistance(x, y),
        DistanceFunction.ManhattanDistance => static (x, y) => Manhattan(x, y),
        _ => throw new NotSupportedException($"Distance function '{distanceFunction}' is not supported; use one of {SupportedFunctions}."),
    };

    private static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var distance = TensorPrimitives.Distance(x, y);
        return distance * distance;
    }

    private static float Manhattan(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var buffer = ArrayPool<float>.Shared.Rent(x.Length);
        try
        {
            var difference = buffer.AsSpan(0, x.Length);
            TensorPrimitives.Subtract(x, y, difference);
            return TensorPrimitives.SumOfMagnitudes(difference);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
