// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Weaviate's REST and GraphQL APIs (from the OpenAPI spec, <c>basePath /v1</c>) with real state per class: <c>GET/POST v1/schema</c>,
/// <c>GET/DELETE v1/schema/{class}</c>, <c>GET/POST v1/schema/{class}/tenants</c>, <c>POST v1/batch/objects</c> (per-object results;
/// auto-schema is off, so a missing class or tenant fails the object), <c>DELETE v1/batch/objects</c> (a <c>where</c> match),
/// <c>GET/DELETE v1/objects/{class}/{id}</c> (<c>include=vector</c>, <c>tenant</c>), <c>POST v1/graphql</c> (<c>Get</c> with
/// <c>where</c>, <c>nearVector</c>, <c>bm25</c>, <c>hybrid</c>, <c>sort</c>, <c>limit</c>, <c>offset</c>, <c>tenant</c>; selection of
/// properties and <c>_additional { id distance score vector vectors {…} }</c>; errors come back HTTP 200 in <c>errors</c>, like
/// Weaviate) and <c>GET v1/meta</c>. A vector whose length differs from the class's is rejected. The content-filter fault (Weaviate
/// has no content filter) turns a GraphQL answer into a 200 with <c>errors</c>. The emulator takes at most 1,000 objects per batch.
/// </summary>
internal sealed class WeaviateWire : WireFormat
{
    public const int MaxBatchObjects = 1000;
    private readonly ConcurrentDictionary<string, WeaviateClassState> _classes = new(StringComparer.Ordinal);

    public override IReadOnlyList<string> MalformedFrames { get; } = ["{\"data\":{\"Get\":"];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter)
    {
        var route = call.Route;
        var method = call.Http.Request.Method;
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method, segments) switch
        {
            ("GET", ["v1", "meta"]) => EmulatorReply.Json(new JsonObject { ["hostname"] = "http://127.0.0.1:8080", ["version"] = "1.40.0-emulator", ["modules"] = new JsonObject() }),
            ("GET", ["v1", "schema"]) => EmulatorReply.Json(new JsonObject { ["classes"] = new JsonArray([.. _classes.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (JsonNode)c.Definition.DeepClone())]) }),
            ("POST", ["v1", "schema"]) => CreateClass(call.Json as JsonObject),
            ("GET", ["v1", "schema", var name]) => _classes.TryGetValue(name, out var state) ? EmulatorReply.Json(state.Definition.DeepClone()) : Empty(404),
            ("DELETE", ["v1", "schema", var name]) => DeleteClass(name),
            ("GET", ["v1", "schema", var name, "tenants"]) => ListTenants(name),
            ("POST", ["v1", "schema", var name, "tenants"]) => AddTenants(name, call.Json as JsonArray),
            ("POST", ["v1", "batch", "objects"]) => BatchObjects(call.Json as JsonObject),
            ("DELETE", ["v1", "batch", "objects"]) => BatchDelete(call.Json as JsonObject, Tenant(call)),
            ("GET", ["v1", "objects", var name, var id]) => GetObject(name, id, Tenant(call), call.Http.Request.Query["include"].ToString().Contains("vector", StringComparison.Ordinal)),
            ("DELETE", ["v1", "objects", var name, var id]) => DeleteObject(name, id, Tenant(call)),
            ("POST", ["v1", "graphql"]) => GraphQL(JsonText.Str(call.Json, "query"), contentFilter),
            _ => null,
        };
    }

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var text = message ?? DefaultMessage(kind);
        return kind == ErrorKind.Unauthorized
            ? EmulatorReply.Json(new JsonObject { ["code"] = 401, ["message"] = message ?? "anonymous access not enabled, please provide an auth scheme such as OIDC (emulated)" }, 401)
            : ErrorList(StatusOf(kind), text);
    }

    private static EmulatorReply ErrorList(int status, string message) =>
        EmulatorReply.Json(new JsonObject { ["error"] = new JsonArray(new JsonObject { ["message"] = message }) }, status);

    private static EmulatorReply Empty(int status) => new() { Status = status, Body = [], ContentType = "application/json" };

    private static string? Tenant(EmulatorCall call) => call.Http.Request.Query["tenant"].ToString() is { Length: > 0 } tenant ? tenant : null;

    private static bool IsClassName(string? name) =>
        !string.IsNullOrEmpty(name) && char.IsAsciiLetterUpper(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private EmulatorReply CreateClass(JsonObject? body)
    {
        var name = JsonText.Str(body, "class");
        if (body is null || !IsClassName(name))
        {
            return ErrorList(422, $"'{name}' is not a valid class name");
        }

        foreach (var property in JsonText.Arr(body, "properties"))
        {
            var propertyName = JsonText.Str(property, "name");
            if (string.IsNullOrEmpty(propertyName) || !(char.IsAsciiLetter(propertyName[0]) || propertyName[0] == '_') || !propertyName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return ErrorList(422, $"'{propertyName}' is not a valid property name");
            }

            var dataType = JsonText.Arr(property, "dataType").FirstOrDefault() is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
            if (dataType is not ("text" or "text[]" or "int" or "int[]" or "number" or "number[]" or "boolean" or "boolean[]" or "date" or "date[]" or "uuid" or "uuid[]"))
            {
                return ErrorList(422, $"property '{propertyName}': invalid dataType: [{dataType}]");
            }
        }

        var definition = (JsonObject)body.DeepClone();
        definition["vectorizer"] ??= "none";
        return _classes.TryAdd(name!, new WeaviateClassState(name!, definition))
            ? EmulatorReply.Json(definition.DeepClone())
            : ErrorList(422, $"class name \"{name}\" already exists");
    }

    private EmulatorReply DeleteClass(string name)
    {
        _classes.TryRemove(name, out _);
        return Empty(200);
    }

    private EmulatorReply ListTenants(string name) =>
        !_classes.TryGetValue(name, out var state) ? ErrorList(422, $"class \"{name}\" not found")
        : EmulatorReply.Json(new JsonArray([.. Locked(state, () => state.Tenants.Order(StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject { ["name"] = t, ["activityStatus"] = "ACTIVE" }).ToList())]));

    private EmulatorReply AddTenants(string name, JsonArray? tenants)
    {
        if (!_classes.TryGetValue(name, out var state))
        {
            return ErrorList(422, $"class \"{name}\" not found");
        }

        if (!state.MultiTenant)
        {
            return ErrorList(422, $"multi-tenancy is not enabled for class \"{name}\"");
        }

        var names = (tenants ?? []).Select(t => JsonText.Str(t, "name")).ToList();
        if (names.Any(string.IsNullOrEmpty))
        {
            return ErrorList(422, "a tenant has no name");
        }

        lock (state.Gate)
        {
            foreach (var tenant in names)
            {
                state.Tenants.Add(tenant!);
            }
        }

        return EmulatorReply.Json(new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["name"] = n })]));
    }

    private EmulatorReply BatchObjects(JsonObject? body)
    {
        var objects = JsonText.Arr(body, "objects");
        if (objects.Count > MaxBatchObjects)
        {
            return ErrorList(422, $"the emulator takes at most {MaxBatchObjects} objects per batch, got {objects.Count}");
        }

        var results = new JsonArray();
        foreach (var item in objects)
        {
            var result = item?.DeepClone() as JsonObject ?? [];
            var error = Store(item as JsonObject);
            result["result"] = error is null
                ? new JsonObject { ["status"] = "SUCCESS" }
                : new JsonObject { ["status"] = "FAILED", ["errors"] = new JsonObject { ["error"] = new JsonArray(new JsonObject { ["message"] = error }) } };
            results.Add((JsonNode)result);
        }

        return EmulatorReply.Json(results);
    }

    /// <summary>Stores one batch object; returns the error text of a rejected one.</summary>
    private string? Store(JsonObject? item)
    {
        var name = JsonText.Str(item, "class");
        if (item is null || name is null || !_classes.TryGetValue(name, out var state))
        {
            return $"class \"{name}\" not found in schema (auto-schema is disabled in the emulator)";
        }

        if (!Guid.TryParse(JsonText.Str(item, "id"), out var id))
        {
            return $"invalid or missing object id '{JsonText.Str(item, "id")}'";
        }

        var tenant = JsonText.Str(item, "tenant");
        lock (state.Gate)
        {
            if (state.TenantError(tenant) is { } tenantError)
            {
                return tenantError;
            }

            var properties = JsonText.Obj(item, "properties")?.DeepClone() as JsonObject ?? [];
            foreach (var (property, _) in properties)
            {
                if (!state.Properties.ContainsKey(property))
                {
                    return $"invalid object: no such prop with name '{property}' found in class '{name}' in the schema. Check your schema files for which properties in this class are available";
                }
            }

            var vector = ToVector(item["vector"] as JsonArray);
            var stored = new WeaviateStoredObject { Id = id, Tenant = tenant ?? string.Empty, Properties = properties, Vector = state.DefaultMetric is null ? null : vector, CreationTimeUnix = 0 };
            if (state.DefaultMetric is null && vector is not null)
            {
                return $"class {name} has named vectors: send them in 'vectors', not 'vector'";
            }

            foreach (var (vectorName, values) in JsonText.Obj(item, "vectors") ?? [])
            {
                if (!state.NamedMetrics.ContainsKey(vectorName))
                {
                    return $"class {name} has no named vector \"{vectorName}\"";
                }

                stored.Vectors[vectorName] = ToVector(values as JsonArray) ?? [];
            }

            var lengths = new List<(string Name, int Length)>();
            if (stored.Vector is { } classVector)
            {
                lengths.Add((string.Empty, classVector.Length));
            }

            lengths.AddRange(stored.Vectors.Select(v => (v.Key, v.Value.Length)));
            foreach (var (vectorName, length) in lengths)
            {
                if (state.Dimensions.TryGetValue(vectorName, out var existing) && existing != length)
                {
                    return $"new node has a vector with length {length}. Existing nodes have vectors with length {existing}";
                }
            }

            foreach (var (vectorName, length) in lengths)
            {
                state.Dimensions[vectorName] = length;
            }

            state.Objects[(stored.Tenant, id)] = stored;
        }

        return null;
    }

    private static float[]? ToVector(JsonArray? values) => values is null ? null : [.. values.Select(v => (float)WeaviateWhere.Number(v!))];

    private EmulatorReply BatchDelete(JsonObject? body, string? tenant)
    {
        var match = JsonText.Obj(body, "match");
        var name = JsonText.Str(match, "class");
        if (name is null || !_classes.TryGetValue(name, out var state))
        {
            return ErrorList(422, $"class \"{name}\" not found");
        }

        if (JsonText.Obj(match, "where") is not { } where)
        {
            return ErrorList(422, "a batch delete needs match.where");
        }

        int matches;
        lock (state.Gate)
        {
            if (state.TenantError(tenant) is { } tenantError)
            {
                return ErrorList(422, tenantError);
            }

            try
            {
                WeaviateWhere.Validate(where, state);
                var doomed = state.Objects.Values.Where(o => o.Tenant == (tenant ?? string.Empty) && WeaviateWhere.Matches(where, o)).ToList();
                matches = doomed.Count;
                if (JsonText.Bool(body, "dryRun") != true)
                {
                    foreach (var obj in doomed)
                    {
                        state.Objects.Remove((obj.Tenant, obj.Id));
                    }
                }
            }
            catch (InvalidOperationException ex)
            {
                return ErrorList(422, ex.Message);
            }
        }

        return EmulatorReply.Json(new JsonObject
        {
            ["match"] = match!.DeepClone(),
            ["output"] = JsonText.Str(body, "output") ?? "minimal",
            ["dryRun"] = JsonText.Bool(body, "dryRun") == true,
            ["results"] = new JsonObject { ["matches"] = matches, ["limit"] = 10000, ["successful"] = matches, ["failed"] = 0 },
        });
    }

    private EmulatorReply GetObject(string name, string idText, string? tenant, bool includeVector)
    {
        if (!_classes.TryGetValue(name, out var state) || !Guid.TryParse(idText, out var id))
        {
            return Empty(404);
        }

        lock (state.Gate)
        {
            if (state.TenantError(tenant) is { } tenantError)
            {
                return ErrorList(422, tenantError);
            }

            return state.Objects.TryGetValue((tenant ?? string.Empty, id), out var obj) ? EmulatorReply.Json(ToRest(state, obj, includeVector)) : Empty(404);
        }
    }

    private EmulatorReply DeleteObject(string name, string idText, string? tenant)
    {
        if (!_classes.TryGetValue(name, out var state) || !Guid.TryParse(idText, out var id))
        {
            return Empty(404);
        }

        lock (state.Gate)
        {
            if (state.TenantError(tenant) is { } tenantError)
            {
                return ErrorList(422, tenantError);
            }

            return state.Objects.Remove((tenant ?? string.Empty, id)) ? Empty(204) : Empty(404);
        }
    }

    private static JsonObject ToRest(WeaviateClassState state, WeaviateStoredObject obj, bool includeVector)
    {
        var rest = new JsonObject
        {
            ["class"] = state.Name,
            ["id"] = obj.Id.ToString("D"),
            ["properties"] = obj.Properties.DeepClone(),
            ["creationTimeUnix"] = obj.CreationTimeUnix,
            ["lastUpdateTimeUnix"] = obj.CreationTimeUnix,
        };
        if (obj.Tenant.Length > 0)
        {
            rest["tenant"] = obj.Tenant;
        }

        if (includeVector)
        {
            if (obj.Vector is { } vector)
            {
                rest["vector"] = VectorNode(vector);
            }

            if (obj.Vectors.Count > 0)
            {
                rest["vectors"] = new JsonObject(obj.Vectors.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)VectorNode(v.Value))));
            }
        }

        return rest;
    }

    private static JsonArray VectorNode(float[] vector) => new([.. vector.Select(f => (JsonNode)JsonValue.Create(f))]);

    private EmulatorReply GraphQL(string? query, bool contentFilter)
    {
        IReadOnlyList<GraphQLField> operation;
        try
        {
            operation = GraphQLParser.Parse(query ?? string.Empty);
        }
        catch (FormatException ex)
        {
            return GraphQLErrors(null, ex.Message, null);
        }

        var get = operation.FirstOrDefault(f => f.Name == "Get");
        if (operation.Count != 1 || get is null)
        {
            return GraphQLErrors(null, "the emulator answers Get queries only (Aggregate and Explore are not emulated)", null);
        }

        var classes = new JsonObject();
        foreach (var field in get.Selections)
        {
            if (contentFilter)
            {
                classes[field.Name] = null;
                return GraphQLErrors(classes, $"explorer: get class {field.Name}: the request was refused by the emulator (scripted GraphQL error)", field.Name);
            }

            if (!_classes.TryGetValue(field.Name, out var state))
            {
                return GraphQLErrors(null, $"Cannot query field \"{field.Name}\" on type \"GetObjectsObj\".", null);
            }

            try
            {
                classes[field.Name] = RunGet(state, field);
            }
            catch (InvalidOperationException ex)
            {
                classes[field.Name] = null;
                return GraphQLErrors(classes, ex.Message, field.Name);
            }
        }

        return EmulatorReply.Json(new JsonObject { ["data"] = new JsonObject { ["Get"] = classes } });
    }

    private static EmulatorReply GraphQLErrors(JsonObject? classes, string message, string? className)
    {
        var error = new JsonObject { ["message"] = message, ["locations"] = new JsonArray(new JsonObject { ["line"] = 1, ["column"] = 9 }) };
        if (className is not null)
        {
            error["path"] = new JsonArray("Get", className);
        }

        return EmulatorReply.Json(new JsonObject
        {
            ["data"] = classes is null ? null : new JsonObject { ["Get"] = classes },
            ["errors"] = new JsonArray(error),
        });
    }

    private static JsonArray RunGet(WeaviateClassState state, GraphQLField field)
    {
        var arguments = field.Arguments;
        foreach (var (argument, _) in arguments)
        {
            if (argument is not ("tenant" or "limit" or "offset" or "where" or "nearVector" or "bm25" or "hybrid" or "sort" or "autocut" or "after"))
            {
                throw new InvalidOperationException($"Unknown argument \"{argument}\" on field \"{state.Name}\" of type \"GetObjectsObj\" (the class has no vectorizer module).");
            }
        }

        var additional = field.Selections.FirstOrDefault(s => s.Name == "_additional");
        foreach (var selection in field.Selections)
        {
            if (selection.Name != "_additional" && !state.Properties.ContainsKey(selection.Name))
            {
                throw new InvalidOperationException($"Cannot query field \"{selection.Name}\" on type \"{state.Name}\".");
            }
        }

        foreach (var extra in additional?.Selections ?? [])
        {
            if (extra.Name is not ("id" or "distance" or "score" or "explainScore" or "vector" or "vectors" or "certainty" or "creationTimeUnix" or "lastUpdateTimeUnix"))
            {
                throw new InvalidOperationException($"Cannot query field \"{extra.Name}\" on type \"{state.Name}AdditionalFields\".");
            }
        }

        var tenant = JsonText.Str(arguments, "tenant");
        List<(WeaviateStoredObject Object, double? Distance, double? Score)> hits;
        lock (state.Gate)
        {
            if (state.TenantError(tenant) is { } tenantError)
            {
                throw new InvalidOperationException("explorer: list class: search: object search at index " + state.Name.ToLowerInvariant() + ": " + tenantError);
            }

            var where = arguments["where"] as JsonObject;
            if (where is not null)
            {
                WeaviateWhere.Validate(where, state);
            }

            var candidates = state.Objects.Values.Where(o => o.Tenant == (tenant ?? string.Empty) && (where is null || WeaviateWhere.Matches(where, o))).ToList();
            hits = WeaviateSearch.Run(state, arguments, candidates);
        }

        var results = new JsonArray();
        foreach (var (obj, distance, score) in hits)
        {
            var hit = new JsonObject();
            foreach (var selection in field.Selections.Where(s => s.Name != "_additional"))
            {
                hit[selection.Name] = obj.Properties[selection.Name]?.DeepClone();
            }

            if (additional is not null)
            {
                var extra = new JsonObject();
                foreach (var selection in additional.Selections)
                {
                    extra[selection.Name] = selection.Name switch
                    {
                        "id" => obj.Id.ToString("D"),
                        "distance" => distance is { } d ? JsonValue.Create((float)d) : null,
                        "certainty" => distance is { } c ? JsonValue.Create((float)(1 - (c / 2))) : null,
                        "score" or "explainScore" => score is { } s ? JsonValue.Create(s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) : null,
                        "vector" => obj.Vector is { } v ? VectorNode(v) : new JsonArray(),
                        "vectors" => new JsonObject(selection.Selections.Select(n => KeyValuePair.Create(n.Name, (JsonNode?)(obj.Vectors.TryGetValue(n.Name, out var nv) ? VectorNode(nv) : null)))),
                        _ => JsonValue.Create(obj.CreationTimeUnix.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    };
                }

                hit["_additional"] = extra;
            }

            results.Add((JsonNode)hit);
        }

        return results;
    }

    private static T Locked<T>(WeaviateClassState state, Func<T> read)
    {
        lock (state.Gate)
        {
            return read();
        }
    }
}
