// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Pinecone (API 2026-04), learned from the control, data and inference plane specs. Control plane: <c>GET/POST indexes</c>,
/// <c>GET/DELETE indexes/{name}</c> (serverless; created ready). Data plane, at the <c>host</c> a description returns
/// (<c>{emulator}/pinecone/index/{name}</c>): <c>vectors/upsert</c> (≤ 1,000 vectors, ≤ 2 MB), <c>vectors/fetch</c>,
/// <c>vectors/fetch_by_metadata</c>, <c>vectors/delete</c>, <c>query</c> (exact search, metadata filters),
/// <c>describe_index_stats</c>. Inference: <c>embed</c>, <c>rerank</c>. State is per emulator: index → namespace → records.
/// </summary>
internal sealed class PineconeWire : WireFormat
{
    private const int MaxUpsertVectors = 1000;
    private const int MaxUpsertBytes = 2 * 1024 * 1024;
    private const int MaxTopK = 10_000;
    private readonly ConcurrentDictionary<string, PineconeIndex> _indexes = new(StringComparer.Ordinal);

    public override IReadOnlyList<string> MalformedFrames { get; } = ["{\"indexes\":[{\"name\":"];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter)
    {
        var route = call.Route;
        if (route == "indexes")
        {
            return call.IsGet ? List(call) : call.IsPost ? Create(call) : null;
        }

        if (route.StartsWith("indexes/", StringComparison.Ordinal) && route.IndexOf('/', "indexes/".Length) < 0)
        {
            var name = Uri.UnescapeDataString(route["indexes/".Length..]);
            return call.IsGet ? Describe(call, name)
                : HttpMethodsDelete(call) ? Delete(name)
                : null;
        }

        if (route.StartsWith("index/", StringComparison.Ordinal))
        {
            var rest = route["index/".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                return Data(call, Uri.UnescapeDataString(rest[..slash]), rest[(slash + 1)..]);
            }
        }

        return route switch
        {
            "embed" when call.IsPost => Embed(call),
            "rerank" when call.IsPost => Rerank(call),
            "models" when call.IsGet => Models(),
            _ => null,
        };
    }

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var status = StatusOf(kind);
        var code = GrpcStatusName.Of(kind);
        var text = message ?? kind switch
        {
            ErrorKind.Unauthorized => "Invalid API key.",
            ErrorKind.RateLimited => "Request rate limit exceeded (emulated).",
            _ => DefaultMessage(kind),
        };
        return ControlError(status, code, text);
    }

    private static bool HttpMethodsDelete(EmulatorCall call) => Microsoft.AspNetCore.Http.HttpMethods.IsDelete(call.Http.Request.Method);

    private static EmulatorReply ControlError(int status, string code, string message) =>
        EmulatorReply.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message }, ["status"] = status }, status);

    // The data plane answers gRPC-style errors: {"code": <grpc code>, "message": "...", "details": []}.
    private static EmulatorReply DataError(int status, int grpcCode, string message) =>
        EmulatorReply.Json(new JsonObject { ["code"] = grpcCode, ["message"] = message, ["details"] = new JsonArray() }, status);

    private static EmulatorReply BadData(string message) => DataError(400, 3, message);

    private static float[]? Floats(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        var values = new float[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            {
                return null;
            }

            values[i] = (float)value.GetValue<double>();
        }

        return values;
    }

    private static JsonArray FloatArray(float[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject VectorJson(string id, float[] values, JsonObject? metadata, bool includeValues, bool includeMetadata)
    {
        var json = new JsonObject { ["id"] = id };
        if (includeValues)
        {
            json["values"] = FloatArray(values);
        }

        if (includeMetadata && metadata is not null)
        {
            json["metadata"] = metadata.DeepClone();
        }

        return json;
    }

    private static string HostOf(EmulatorCall call, string name) => $"{call.Http.Request.Host.Value}/pinecone/index/{Uri.EscapeDataString(name)}";

    private static JsonObject Model(EmulatorCall call, PineconeIndex index, bool ready) => new()
    {
        ["name"] = index.Name,
        ["dimension"] = index.Dimension,
        ["metric"] = index.Metric,
        ["host"] = HostOf(call, index.Name),
        ["deletion_protection"] = "disabled",
        ["spec"] = new JsonObject
        {
            ["serverless"] = new JsonObject
            {
                ["cloud"] = index.Cloud,
                ["region"] = index.Region,
                ["read_capacity"] = new JsonObject { ["mode"] = "OnDemand", ["status"] = new JsonObject { ["state"] = "Ready" } },
                ["schema"] = index.Filterable is null ? null : new JsonObject
                {
                    ["fields"] = new JsonObject([.. index.Filterable.Order(StringComparer.Ordinal).Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject { ["filterable"] = true }))]),
                },
            },
        },
        ["status"] = new JsonObject { ["ready"] = ready, ["state"] = ready ? "Ready" : "Initializing" },
        ["vector_type"] = "dense",
    };

    private EmulatorReply List(EmulatorCall call) => EmulatorReply.Json(new JsonObject
    {
        ["indexes"] = new JsonArray([.. _indexes.Values.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (JsonNode)Model(call, i, ready: true))]),
    });

    private EmulatorReply Create(EmulatorCall call)
    {
        var json = call.Json;
        var name = JsonText.Str(json, "name");
        var dimension = JsonText.Int(json, "dimension");
        var metric = JsonText.Str(json, "metric") ?? "cosine";
        var serverless = JsonText.Obj(JsonText.Obj(json, "spec"), "serverless");
        if (string.IsNullOrEmpty(name) || name.Length > 45 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || name[0] == '-' || name[^1] == '-')
        {
            return ControlError(400, "INVALID_ARGUMENT", "Index name must contain only lowercase alphanumeric characters or hyphens, and must not begin or end with a hyphen.");
        }

        if (dimension is not (>= 1 and <= 20_000))
        {
            return ControlError(400, "INVALID_ARGUMENT", "Dimension must be between 1 and 20000 for a dense index.");
        }

        if (metric is not ("cosine" or "dotproduct" or "euclidean"))
        {
            return ControlError(400, "INVALID_ARGUMENT", $"Invalid metric '{metric}': use cosine, euclidean or dotproduct.");
        }

        if (serverless is null || JsonText.Str(serverless, "cloud") is not { } cloud || JsonText.Str(serverless, "region") is not { } region)
        {
            return ControlError(400, "INVALID_ARGUMENT", "spec.serverless with cloud and region is required (the emulator serves serverless indexes only).");
        }

        var fields = JsonText.Obj(JsonText.Obj(serverless, "schema"), "fields");
        var index = new PineconeIndex(name, dimension.Value, metric, cloud, region)
        {
            Filterable = fields is null ? null : [.. fields.Where(f => JsonText.Bool(f.Value, "filterable") == true).Select(f => f.Key)],
        };
        if (!_indexes.TryAdd(name, index))
        {
            return ControlError(409, "ALREADY_EXISTS", "Resource already exists.");
        }

        // Pinecone answers 201 with the index still initializing; a describe afterwards finds it ready.
        return EmulatorReply.Json(Model(call, index, ready: false), 201);
    }

    private EmulatorReply Describe(EmulatorCall call, string name) =>
        _indexes.TryGetValue(name, out var index)
            ? EmulatorReply.Json(Model(call, index, ready: true))
            : ControlError(404, "NOT_FOUND", $"Index {name} not found.");

    private EmulatorReply Delete(string name) =>
        _indexes.TryRemove(name, out _)
            ? new EmulatorReply { Status = 202, Body = [] }
            : ControlError(404, "NOT_FOUND", $"Index {name} not found.");

    private EmulatorReply? Data(EmulatorCall call, string name, string operation)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            return DataError(404, 5, $"Index {name} not found.");
        }

        try
        {
            return operation switch
            {
                "vectors/upsert" when call.IsPost => Upsert(call, index),
                "vectors/fetch" when call.IsGet => Fetch(call, index),
                "vectors/fetch_by_metadata" when call.IsPost => FetchByMetadata(call, index),
                "vectors/delete" when call.IsPost => DeleteVectors(call, index),
                "query" when call.IsPost => Query(call, index),
                "describe_index_stats" when call.IsPost => Stats(index),
                _ => null,
            };
        }
        catch (ArgumentException ex)
        {
            return BadData(ex.Message);
        }
    }

    private static EmulatorReply Upsert(EmulatorCall call, PineconeIndex index)
    {
        if (call.Body.Length > MaxUpsertBytes)
        {
            return BadData($"Request size {call.Body.Length} exceeds the maximum supported size of {MaxUpsertBytes} bytes.");
        }

        var vectors = JsonText.Arr(call.Json, "vectors");
        if (vectors.Count is 0 or > MaxUpsertVectors)
        {
            return BadData($"The number of vectors must be between 1 and {MaxUpsertVectors}; the request has {vectors.Count}.");
        }

        var parsed = new List<(string Id, float[] Values, JsonObject? Metadata)>(vectors.Count);
        foreach (var vector in vectors)
        {
            var id = JsonText.Str(vector, "id");
            if (string.IsNullOrEmpty(id) || id.Length > 512)
            {
                return BadData("Every vector needs an id of 1 to 512 characters.");
            }

            var values = Floats(vector?["values"]);
            if (values is null)
            {
                return BadData($"Vector {id} has no dense values.");
            }

            if (values.Length != index.Dimension)
            {
                return BadData($"Vector dimension {values.Length} does not match the dimension of the index {index.Dimension}");
            }

            var metadata = vector?["metadata"] as JsonObject;
            if (metadata is not null && metadata.Any(p => p.Value is null or JsonObject || (p.Value is JsonArray a && a.Any(x => x?.GetValueKind() != JsonValueKind.String))))
            {
                return BadData($"Metadata of vector {id} must be strings, numbers, booleans or lists of strings.");
            }

            parsed.Add((id, values, metadata?.DeepClone().AsObject()));
        }

        lock (index.Gate)
        {
            var records = index.Namespace(JsonText.Str(call.Json, "namespace"), create: true);
            foreach (var (id, values, metadata) in parsed)
            {
                records[id] = (values, metadata);
            }
        }

        return EmulatorReply.Json(new JsonObject { ["upsertedCount"] = parsed.Count });
    }

    private static EmulatorReply Fetch(EmulatorCall call, PineconeIndex index)
    {
        var query = call.Http.Request.Query;
        var ids = query["ids"].Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).ToList();
        if (ids.Count is 0 or > 1000)
        {
            return BadData("Fetch takes 1 to 1000 ids.");
        }

        var ns = query["namespace"].ToString();
        var vectors = new JsonObject();
        lock (index.Gate)
        {
            var records = index.Namespace(ns, create: false);
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                if (records.TryGetValue(id, out var record))
                {
                    vectors[id] = VectorJson(id, record.Values, record.Metadata, includeValues: true, includeMetadata: true);
                }
            }
        }

        return EmulatorReply.Json(new JsonObject { ["vectors"] = vectors, ["namespace"] = ns, ["usage"] = new JsonObject { ["readUnits"] = 1 } });
    }

    private static EmulatorReply FetchByMetadata(EmulatorCall call, PineconeIndex index)
    {
        var json = call.Json;
        var limit = JsonText.Int(json, "limit") ?? 100;
        var filter = JsonText.Obj(json, "filter");
        CheckFilterable(index, filter);
        var ns = JsonText.Str(json, "namespace") ?? string.Empty;
        var after = JsonText.Str(json, "paginationToken");
        var vectors = new JsonObject();
        string? next = null;
        lock (index.Gate)
        {
            var matching = index.Namespace(ns, create: false)
                .Where(r => PineconeFilter.Matches(filter, r.Value.Metadata))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .SkipWhile(r => after is not null && string.CompareOrdinal(r.Key, after) <= 0)
                .ToList();
            foreach (var (id, record) in matching.Take(limit))
            {
                vectors[id] = VectorJson(id, record.Values, record.Metadata, includeValues: true, includeMetadata: true);
            }

            if (matching.Count > limit)
            {
                next = matching[limit - 1].Key;
            }
        }

        var reply = new JsonObject { ["vectors"] = vectors, ["namespace"] = ns, ["usage"] = new JsonObject { ["readUnits"] = 1 } };
        if (next is not null)
        {
            reply["pagination"] = new JsonObject { ["next"] = next };
        }

        return EmulatorReply.Json(reply);
    }

    private static EmulatorReply DeleteVectors(EmulatorCall call, PineconeIndex index)
    {
        var json = call.Json;
        var ns = JsonText.Str(json, "namespace");
        lock (index.Gate)
        {
            var records = index.Namespace(ns, create: false);
            if (JsonText.Bool(json, "deleteAll") == true)
            {
                records.Clear();
            }
            else if (JsonText.Obj(json, "filter") is { } filter)
            {
                foreach (var id in records.Where(r => PineconeFilter.Matches(filter, r.Value.Metadata)).Select(r => r.Key).ToList())
                {
                    records.Remove(id);
                }
            }
            else
            {
                var ids = JsonText.Arr(json, "ids");
                if (ids.Count is 0 or > 1000)
                {
                    return BadData("Delete takes 1 to 1000 ids, a filter or deleteAll.");
                }

                foreach (var id in ids)
                {
                    records.Remove(JsonText.Content(id));
                }
            }
        }

        return EmulatorReply.Json(new JsonObject());
    }

    private static EmulatorReply Query(EmulatorCall call, PineconeIndex index)
    {
        var json = call.Json;
        var topK = JsonText.Int(json, "topK");
        if (topK is not (>= 1 and <= MaxTopK))
        {
            return BadData($"topK must be between 1 and {MaxTopK}.");
        }

        var vector = Floats(json?["vector"]);
        if (vector is null)
        {
            return BadData("The query needs a dense vector (queries by id and sparse vectors are not emulated).");
        }

        if (vector.Length != index.Dimension)
        {
            return BadData($"Query vector dimension {vector.Length} does not match the dimension of the index {index.Dimension}");
        }

        var filter = JsonText.Obj(json, "filter");
        CheckFilterable(index, filter);
        var includeValues = JsonText.Bool(json, "includeValues") == true;
        var includeMetadata = JsonText.Bool(json, "includeMetadata") == true;
        var ns = JsonText.Str(json, "namespace") ?? string.Empty;
        var matches = new JsonArray();
        lock (index.Gate)
        {
            var records = index.Namespace(ns, create: false);
            var candidates = records.Where(r => PineconeFilter.Matches(filter, r.Value.Metadata)).Select(r => (r.Key, r.Value.Values));
            foreach (var (id, score) in VectorSearch.Nearest(index.SearchMetric, vector, candidates, topK.Value))
            {
                var record = records[id];
                var match = VectorJson(id, record.Values, record.Metadata, includeValues, includeMetadata);
                match["score"] = score;
                matches.Add((JsonNode)match);
            }
        }

        return EmulatorReply.Json(new JsonObject { ["results"] = new JsonArray(), ["matches"] = matches, ["namespace"] = ns, ["usage"] = new JsonObject { ["readUnits"] = 5 } });
    }

    /// <summary>Rejects a filter on a field the index's metadata schema does not list as filterable (a 400, as on Pinecone).</summary>
    private static void CheckFilterable(PineconeIndex index, JsonObject? filter)
    {
        if (index.Filterable is not { } filterable || filter is null)
        {
            return;
        }

        foreach (var (key, value) in filter)
        {
            if (key is "$and" or "$or")
            {
                foreach (var item in value as JsonArray ?? [])
                {
                    CheckFilterable(index, item as JsonObject);
                }
            }
            else if (!filterable.Contains(key))
            {
                throw new ArgumentException($"Field '{key}' is not filterable: it is not in the metadata schema of index {index.Name}.");
            }
        }
    }

    private static EmulatorReply Stats(PineconeIndex index)
    {
        var namespaces = new JsonObject();
        long total = 0;
        lock (index.Gate)
        {
            foreach (var (ns, records) in index.Namespaces)
            {
                namespaces[ns] = new JsonObject { ["vectorCount"] = records.Count };
                total += records.Count;
            }
        }

        return EmulatorReply.Json(new JsonObject
        {
            ["namespaces"] = namespaces,
            ["dimension"] = index.Dimension,
            ["indexFullness"] = 0,
            ["totalVectorCount"] = total,
            ["metric"] = index.Metric,
            ["vectorType"] = "dense",
        });
    }

    private static EmulatorReply Embed(EmulatorCall call)
    {
        var json = call.Json;
        var model = JsonText.Str(json, "model");
        if (string.IsNullOrEmpty(model))
        {
            return ControlError(400, "INVALID_ARGUMENT", "model is required.");
        }

        var parameters = JsonText.Obj(json, "parameters");
        var inputType = JsonText.Str(parameters, "input_type");
        if (inputType is not null and not ("passage" or "query"))
        {
            return ControlError(400, "INVALID_ARGUMENT", $"Invalid input_type '{inputType}': use passage or query.");
        }

        var dimension = JsonText.Int(parameters, "dimension") ?? call.State.EmbeddingDimensions;
        var texts = JsonText.Arr(json, "inputs").Select(i => JsonText.Str(i, "text") ?? string.Empty).ToList();
        return EmulatorReply.Json(new JsonObject
        {
            ["model"] = model,
            ["vector_type"] = "dense",
            ["data"] = new JsonArray([.. texts.Select(t => (JsonNode)new JsonObject
            {
                ["values"] = FloatArray(Deterministic.Embedding((inputType == "query" ? "query: " : string.Empty) + t, dimension)),
                ["vector_type"] = "dense",
            })]),
            ["usage"] = new JsonObject { ["total_tokens"] = texts.Sum(Deterministic.CountTokens) },
        });
    }

    private static EmulatorReply Models() => EmulatorReply.Json(new JsonObject
    {
        ["models"] = new JsonArray(
            new JsonObject { ["model"] = "llama-text-embed-v2", ["short_description"] = "Dense text embeddings (emulated).", ["type"] = "embed", ["vector_type"] = "dense", ["default_dimension"] = 1024, ["max_sequence_length"] = 2048, ["max_batch_size"] = 96, ["supported_parameters"] = new JsonArray() },
            new JsonObject { ["model"] = "bge-reranker-v2-m3", ["short_description"] = "Reranking (emulated).", ["type"] = "rerank", ["max_sequence_length"] = 1024, ["max_batch_size"] = 100, ["supported_parameters"] = new JsonArray() }),
    });

    private static EmulatorReply Rerank(EmulatorCall call)
    {
        var json = call.Json;
        var model = JsonText.Str(json, "model");
        var query = JsonText.Str(json, "query");
        if (string.IsNullOrEmpty(model) || query is null)
        {
            return ControlError(400, "INVALID_ARGUMENT", "model, query and documents are required.");
        }

        var documents = JsonText.Arr(json, "documents").Select(d => JsonText.Str(d, "text") ?? JsonText.Content(d)).ToList();
        var ranked = documents
            .Select((text, index) => (index, score: Deterministic.Relevance(query, text)))
            .OrderByDescending(r => r.score)
            .ThenBy(r => r.index)
            .Take(JsonText.Int(json, "top_n") ?? documents.Count);
        var returnDocuments = JsonText.Bool(json, "return_documents") != false;
        return EmulatorReply.Json(new JsonObject
        {
            ["model"] = model,
            ["data"] = new JsonArray([.. ranked.Select(r =>
            {
                var item = new JsonObject { ["index"] = r.index, ["score"] = r.score };
                if (returnDocuments)
                {
                    item["document"] = new JsonObject { ["text"] = documents[r.index] };
                }

                return (JsonNode)item;
            })]),
            ["usage"] = new JsonObject { ["rerank_units"] = 1 },
        });
    }
}
