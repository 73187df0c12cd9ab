// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.HuggingFace.Internal;

/// <summary>
/// Reads a feature-extraction answer: <c>float[][]</c> (one vector per input), a bare <c>float[]</c> (one input), or
/// <c>float[][][]</c> (token vectors of a model without pooling, mean-pooled here). Pure; tested directly.
/// </summary>
internal static class FeatureExtractionMapper
{
    /// <summary>Returns one vector per input, or <see langword="null"/> with a reason when the shape does not fit.</summary>
    public static List<float[]>? ToVectors(JsonElement root, int inputCount, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Array)
        {
            problem = $"expected a JSON array, got {root.ValueKind}";
            return null;
        }

        var vectors = new List<float[]>();
        if (root.GetArrayLength() > 0 && root[0].ValueKind == JsonValueKind.Number)
        {
            vectors.Add(ToVector(root));
        }
        else
        {
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() == 0)
                {
                    problem = "an item was not a vector";
                    return null;
                }

                vectors.Add(item[0].ValueKind == JsonValueKind.Array ? MeanPool(item) : ToVector(item));
            }
        }

        if (vectors.Count != inputCount)
        {
            problem = $"{vectors.Count} vectors came back for {inputCount} inputs";
            return null;
        }

        return vectors;
    }

    private static float[] ToVector(JsonElement array)
    {
        var vector = new float[array.GetArrayLength()];
        var i = 0;
        foreach (var value in array.EnumerateArray())
        {
            vector[i++] = value.GetSingle();
        }

        return vector;
    }

    private static float[] MeanPool(JsonElement tokens)
    {
        float[]? sum = null;
        var count = 0;
        foreach (var token in tokens.EnumerateArray())
        {
            var vector = ToVector(token);
            sum ??= new float[vector.Length];
            if (vector.Length != sum.Length)
            {
                throw new JsonException("token vectors of different lengths");
            }

            for (var i = 0; i < vector.Length; i++)
            {
                sum[i] += vector[i];
            }

            count++;
        }

        for (var i = 0; i < sum!.Length; i++)
        {
            sum[i] /= count;
        }

        return sum;
    }
}
