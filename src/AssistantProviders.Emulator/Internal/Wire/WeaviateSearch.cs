// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Runs the search part of a Weaviate GraphQL <c>Get</c> on a class: <c>nearVector</c> (exact, the class metric through
/// <see cref="VectorSearch"/>: <c>cosine</c> = 1 - cos, <c>dot</c> = -dot, <c>l2-squared</c>, <c>manhattan</c>, <c>hamming</c>),
/// <c>bm25</c> (Okapi BM25, k1 = 1.2, b = 0.75, over the searchable text properties), <c>hybrid</c> (relative score fusion of the
/// two with <c>alpha</c>), or a plain listing (by <c>sort</c>, else by id); then <c>offset</c> and <c>limit</c> (default 10).
/// Errors are thrown as <see cref="InvalidOperationException"/> with Weaviate's wording.
/// </summary>
internal static class WeaviateSearch
{
    private const int DefaultLimit = 10;

    /// <summary>Orders sort keys: numbers numerically, then text ordinally (missing values first).</summary>
    private static readonly Comparer<JsonNode?> SortComparer = Comparer<JsonNode?>.Create(static (a, b) =>
        a is JsonValue x && b is JsonValue y && x.GetValueKind() == System.Text.Json.JsonValueKind.Number && y.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? WeaviateWhere.Number(x).CompareTo(WeaviateWhere.Number(y))
            : string.CompareOrdinal(a?.ToJsonString(), b?.ToJsonString()));

    public static List<(WeaviateStoredObject Object, double? Distance, double? Score)> Run(WeaviateClassState state, JsonObject arguments, List<WeaviateStoredObject> candidates)
    {
        var limit = arguments["limit"] is JsonValue l ? (int)WeaviateWhere.Number(l) : DefaultLimit;
        var offset = arguments["offset"] is JsonValue o ? (int)WeaviateWhere.Number(o) : 0;
        List<(WeaviateStoredObject Object, double? Distance, double? Score)> ranked;
        if (arguments["nearVector"] is JsonObject nearVector)
        {
            var (vectorName, metric) = Target(state, nearVector);
            var query = Vector(state, vectorName, JsonText.Arr(nearVector, "vector"));
            ranked = [.. Distances(candidates, vectorName, metric, query).OrderBy(r => r.Distance).ThenBy(r => r.Object.Id).Select(r => (r.Object, (double?)r.Distance, (double?)null))];
            if (nearVector["distance"] is JsonValue maxDistance)
            {
                var max = WeaviateWhere.Number(maxDistance);
                ranked = [.. ranked.Where(r => r.Distance <= max)];
            }
        }
        else if (arguments["bm25"] is JsonObject bm25)
        {
            var scores = Bm25(state, candidates, JsonText.Str(bm25, "query") ?? string.Empty, JsonText.Arr(bm25, "properties"));
            ranked = [.. scores.Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.Object.Id).Select(s => (s.Object, (double?)null, (double?)s.Score))];
        }
        else if (arguments["hybrid"] is JsonObject hybrid)
        {
            ranked = Hybrid(state, candidates, hybrid);
        }
        else
        {
            IEnumerable<WeaviateStoredObject> listed = candidates.OrderBy(c => c.Id);
            if (arguments["sort"] is JsonArray sort)
            {
                foreach (var clause in sort.Reverse())
                {
                    var path = (JsonText.Arr(clause, "path").FirstOrDefault() as JsonValue)?.GetValue<string>() ?? throw new InvalidOperationException("invalid sort: no path");
                    var descending = JsonText.Str(clause, "order") == "desc";
                    listed = descending ? listed.OrderByDescending(c => SortKey(c, path), SortComparer) : listed.OrderBy(c => SortKey(c, path), SortComparer);
                }
            }

            ranked = [.. listed.Select(c => (c, (double?)null, (double?)null))];
        }

        return [.. ranked.Skip(offset).Take(limit)];
    }

    private static List<(WeaviateStoredObject Object, double? Distance, double? Score)> Hybrid(WeaviateClassState state, List<WeaviateStoredObject> candidates, JsonObject hybrid)
    {
        var alpha = hybrid["alpha"] is JsonValue a ? WeaviateWhere.Number(a) : 0.75;
        var keyword = Bm25(state, candidates, JsonText.Str(hybrid, "query") ?? string.Empty, JsonText.Arr(hybrid, "properties")).ToDictionary(s => s.Object.Id, s => s.Score);
        var vectorScores = new Dictionary<Guid, double>();
        if (JsonText.Arr(hybrid, "vector") is { Count: > 0 } vector)
        {
            var (vectorName, metric) = Target(state, hybrid);
            var query = Vector(state, vectorName, vector);
            foreach (var (obj, distance) in Distances(candidates, vectorName, metric, query))
            {
                vectorScores[obj.Id] = -distance;
            }
        }

        var keywordNorm = Normalize(keyword);
        var vectorNorm = Normalize(vectorScores);
        return [.. candidates
            .Where(c => keyword.GetValueOrDefault(c.Id) > 0 || vectorScores.ContainsKey(c.Id))
            .Select(c => (Object: c, Score: (alpha * vectorNorm.GetValueOrDefault(c.Id)) + ((1 - alpha) * keywordNorm.GetValueOrDefault(c.Id))))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Object.Id)
            .Select(r => (r.Object, (double?)null, (double?)r.Score))];
    }

    private static Dictionary<Guid, double> Normalize(Dictionary<Guid, double> scores)
    {
        if (scores.Count == 0)
        {
            return [];
        }

        var min = scores.Values.Min();
        var max = scores.Values.Max();
        return scores.ToDictionary(s => s.Key, s => max > min ? (s.Value - min) / (max - min) : 1.0);
    }

    private static (string VectorName, string Metric) Target(WeaviateClassState state, JsonObject search)
    {
        var targets = JsonText.Arr(search, "targetVectors").OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList();
        if (state.DefaultMetric is { } metric)
        {
            return targets.Count == 0 ? (string.Empty, metric) : throw new InvalidOperationException($"class {state.Name} has no named vectors, but targetVectors were given");
        }

        if (targets.Count == 0 && state.NamedMetrics.Count == 1)
        {
            targets.Add(state.NamedMetrics.Keys.First());
        }

        return targets switch
        {
            [var name] when state.NamedMetrics.TryGetValue(name, out var named) => (name, named),
            [var name] => throw new InvalidOperationException($"class {state.Name} has no target vector named \"{name}\""),
            [] => throw new InvalidOperationException($"class {state.Name} has multiple vectors, but no target vector was specified; please specify targetVectors"),
            _ => throw new InvalidOperationException("the emulator supports one target vector per search"),
        };
    }

    private static float[] Vector(WeaviateClassState state, string vectorName, JsonArray values)
    {
        var vector = values.Select(v => (float)WeaviateWhere.Number(v!)).ToArray();
        if (state.Dimensions.TryGetValue(vectorName, out var dimensions) && dimensions != vector.Length)
        {
            throw new InvalidOperationException($"explorer: get class: vector search: object vector search at index {state.Name.ToLowerInvariant()}: shard {state.Name.ToLowerInvariant()}_emu: vector search: knn search: distance between entrypoint and query node: vector lengths don't match: {vector.Length} vs {dimensions}");
        }

        return vector;
    }

    private static IEnumerable<(WeaviateStoredObject Object, double Distance)> Distances(List<WeaviateStoredObject> candidates, string vectorName, string metric, float[] query)
    {
        foreach (var candidate in candidates)
        {
            var stored = vectorName.Length == 0 ? candidate.Vector : candidate.Vectors.GetValueOrDefault(vectorName);
            if (stored is null || stored.Length != query.Length)
            {
                continue;
            }

            yield return (candidate, metric switch
            {
                "cosine" => VectorSearch.Score(VectorSearch.Metric.CosineDistance, query, stored),
                "dot" => -VectorSearch.Score(VectorSearch.Metric.DotProduct, query, stored),
                "l2-squared" => VectorSearch.Score(VectorSearch.Metric.SquaredEuclidean, query, stored),
                "manhattan" => Manhattan(query, stored),
                "hamming" => Hamming(query, stored),
                _ => throw new InvalidOperationException($"the distance metric '{metric}' is not supported"),
            });
        }
    }

    private static double Manhattan(ReadOnlySpan<float> query, ReadOnlySpan<float> stored)
    {
        var difference = new float[query.Length];
        TensorPrimitives.Subtract(query, stored, difference);
        return TensorPrimitives.SumOfMagnitudes<float>(difference);
    }

    private static double Hamming(ReadOnlySpan<float> query, ReadOnlySpan<float> stored)
    {
        var count = 0;
        for (var i = 0; i < query.Length; i++)
        {
            count += query[i] != stored[i] ? 1 : 0;
        }

        return count;
    }

    private static List<(WeaviateStoredObject Object, double Score)> Bm25(WeaviateClassState state, List<WeaviateStoredObject> candidates, string query, JsonArray properties)
    {
        const double K1 = 1.2, B = 0.75;
        var fields = properties.Count > 0
            ? [.. properties.OfType<JsonValue>().Select(p => p.GetValue<string>())]
            : state.Properties.Where(p => p.Value.Searchable).Select(p => p.Key).ToList();
        foreach (var field in fields)
        {
            if (!state.Properties.TryGetValue(field, out var info) || !info.Searchable)
            {
                throw new InvalidOperationException($"property '{field}' of class {state.Name} is not searchable (indexSearchable is false or it is not text)");
            }
        }

        var terms = Tokens(query).Distinct(StringComparer.Ordinal).ToList();
        var documents = candidates.Select(c => (Object: c, Tokens: fields.SelectMany(f => Texts(c.Properties[f])).SelectMany(Tokens).ToList())).ToList();
        var averageLength = documents.Count == 0 ? 0 : documents.Average(d => d.Tokens.Count);
        var scores = new List<(WeaviateStoredObject, double)>();
        foreach (var (obj, tokens) in documents)
        {
            double score = 0;
            foreach (var term in terms)
            {
                var frequency = tokens.Count(t => t == term);
                if (frequency == 0)
                {
                    continue;
                }

                var containing = documents.Count(d => d.Tokens.Contains(term));
                var idf = Math.Log(1 + ((documents.Count - containing + 0.5) / (containing + 0.5)));
                score += idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * tokens.Count / Math.Max(averageLength, 1)))));
            }

            scores.Add((obj, score));
        }

        return scores;
    }

    private static IEnumerable<string> Texts(JsonNode? value) => value switch
    {
        JsonArray array => array.SelectMany(Texts),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static IEnumerable<string> Tokens(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new string([.. t.Where(char.IsLetterOrDigit)]).ToLower(CultureInfo.InvariantCulture))
            .Where(t => t.Length > 0);

    private static JsonNode? SortKey(WeaviateStoredObject obj, string path) =>
        path is "_id" or "id" ? JsonValue.Create(obj.Id.ToString("D")) : obj.Properties[path];
}
