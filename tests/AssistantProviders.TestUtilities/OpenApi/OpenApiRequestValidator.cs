// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace AssistantProviders.TestUtilities.OpenApi;

/// <summary>
/// Validates request bodies against a vendor's published spec (OpenAPI 3.0/3.1, Google discovery or a plain JSON Schema),
/// read in place from <c>../shared/specs/&lt;vendor&gt;/</c>. It finds the request-body schema of an operation from the request's
/// path (matched against the spec's path templates as a suffix, so a proxy prefix such as <c>/openai/v1</c> does not matter)
/// and method, keeps only the component schemas that schema reaches, translates OpenAPI specifics to JSON Schema 2020-12
/// (see <see cref="SchemaTranslator"/>) and evaluates the body with JsonSchema.Net.
/// </summary>
/// <example>
/// <code>
/// var validator = OpenApiRequestValidator.ForProvider("openai", "openapi.yaml"); // skips the test when absent
/// validator.AssertValid(handler.Requests[0]);
/// </code>
/// </example>
public sealed partial class OpenApiRequestValidator
{
    private const string RequestDef = "__request";
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiRequestValidator>> Cache = new(StringComparer.Ordinal);

    private readonly JsonObject _document;
    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OpenApiRequestValidator> _patched = new(StringComparer.Ordinal);
    private Action<JsonObject>? _patch;

    private OpenApiRequestValidator(JsonObject document, SpecKind kind, string source)
    {
        _document = document;
        Kind = kind;
        Source = source;
    }

    /// <summary>Gets the kind of document.</summary>
    public SpecKind Kind { get; }

    /// <summary>Gets the file the document was read from.</summary>
    public string Source { get; }

    /// <summary>
    /// Gets or sets a value indicating whether properties the operation's schema does not define are errors (top level of the body,
    /// through <c>unevaluatedProperties: false</c>; for discovery documents, every object). Default <see langword="true"/>: a
    /// misspelled field is exactly what a contract test should catch.
    /// </summary>
    public bool RejectUnknownProperties { get; set; } = true;

    /// <summary>Loads (once per process) the spec <paramref name="file"/> of <paramref name="provider"/>; skips the test when it is absent.</summary>
    /// <param name="provider">The spec folder, for example <c>openai</c>.</param>
    /// <param name="file">The file, for example <c>openapi.yaml</c>.</param>
    /// <param name="kind">The document kind; <see langword="null"/> guesses from the content.</param>
    /// <returns>The validator.</returns>
    public static OpenApiRequestValidator ForProvider(string provider, string file, SpecKind? kind = null) =>
        Load(RepoPaths.Spec(provider, file), kind);

    /// <summary>Loads (once per process) a spec file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="kind">The document kind; <see langword="null"/> guesses from the content.</param>
    /// <returns>The validator.</returns>
    public static OpenApiRequestValidator Load(string path, SpecKind? kind = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        return Cache.GetOrAdd(full + "|" + kind, _ => new Lazy<OpenApiRequestValidator>(() => Parse(File.ReadAllText(full), kind, full))).Value;
    }

    /// <summary>Creates a validator from document text (not cached).</summary>
    /// <param name="text">The YAML or JSON document.</param>
    /// <param name="kind">The document kind; <see langword="null"/> guesses from the content.</param>
    /// <param name="source">A name for messages.</param>
    /// <returns>The validator.</returns>
    public static OpenApiRequestValidator Parse(string text, SpecKind? kind = null, string source = "(inline)")
    {
        var document = YamlJson.Parse(text) as JsonObject ?? throw new InvalidDataException($"{source} is not a JSON/YAML object.");
        kind ??= document.ContainsKey("openapi") || document.ContainsKey("swagger") ? SpecKind.OpenApi
            : document.ContainsKey("discoveryVersion") ? SpecKind.Discovery
            : SpecKind.JsonSchema;
        return new OpenApiRequestValidator(document, kind.Value, source);
    }

    /// <summary>
    /// Returns a validator over the same document whose translated request schemas are changed by <paramref name="patch"/> before they are
    /// built (for a documented spec bug, e.g. a response-only <c>required</c> reused in a request schema). Cached by <paramref name="name"/>.
    /// </summary>
    /// <param name="name">A unique name of the patch.</param>
    /// <param name="patch">Edits the JSON Schema 2020-12 document (its <c>$defs</c> hold the reached component schemas).</param>
    /// <returns>The patched validator.</returns>
    public OpenApiRequestValidator WithPatch(string name, Action<JsonObject> patch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(patch);
        return _patched.GetOrAdd(name, _ => new OpenApiRequestValidator(_document, Kind, Source) { _patch = patch, RejectUnknownProperties = RejectUnknownProperties });
    }

    /// <summary>Validates a recorded request body against the operation its path and method name.</summary>
    /// <param name="request">The request.</param>
    public void AssertValid(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        AssertValid(request.Uri.AbsolutePath, request.Method.Method, request.Body);
    }

    /// <summary>Asserts that <paramref name="body"/> is valid for the operation; the failure message lists every error.</summary>
    /// <param name="requestPath">The request path (a suffix of it must match a spec path template).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="body">The JSON body.</param>
    public void AssertValid(string requestPath, string method, string? body)
    {
        var errors = Validate(requestPath, method, body);
        Assert.True(
            errors.Count == 0,
            $"The {method} {requestPath} body does not match {Path.GetFileName(Source)} ({DescribeOperation(requestPath, method)}):\n  " +
            string.Join("\n  ", errors.Take(60)) + "\nBody: " + body);
    }

    /// <summary>Validates <paramref name="body"/> and returns the errors (empty when valid).</summary>
    /// <param name="requestPath">The request path.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="body">The JSON body.</param>
    /// <returns>The errors, as <c>instance location (schema path): message</c>.</returns>
    public IReadOnlyList<string> Validate(string requestPath, string method, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ["The request has no body."];
        }

        var schema = GetRequestSchema(requestPath, method);
        using var instance = JsonDocument.Parse(body);
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count == 0 ? ["The body is invalid (no detail reported)."] : errors.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Gets the translated request-body schema of an operation (built once per operation).</summary>
    /// <param name="requestPath">The request path.</param>
    /// <param name="method">The HTTP method.</param>
    /// <returns>The schema.</returns>
    public JsonSchema GetRequestSchema(string requestPath, string method)
    {
        var key = DescribeOperation(requestPath, method) + "|" + RejectUnknownProperties;
        return _schemas.GetOrAdd(key, _ => new Lazy<JsonSchema>(() => Build(requestPath, method))).Value;
    }

    /// <summary>Gets the translated JSON Schema document of an operation's request body, for inspection.</summary>
    /// <param name="requestPath">The request path.</param>
    /// <param name="method">The HTTP method.</param>
    /// <returns>The JSON Schema 2020-12 document.</returns>
    public JsonObject GetRequestSchemaDocument(string requestPath, string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var (requestSchema, definitions, rewrite) = Kind switch
        {
            SpecKind.OpenApi => (FindOpenApiRequestSchema(requestPath, method), _document["components"]?["schemas"] as JsonObject, (Func<string, string>)RewriteOpenApiRef),
            SpecKind.Discovery => (FindDiscoveryRequestSchema(requestPath, method), _document["schemas"] as JsonObject, (Func<string, string>)(r => r.StartsWith('#') ? r : "#/$defs/" + r)),
            _ => (WithoutDefinitions(_document), (_document["$defs"] ?? _document["definitions"]) as JsonObject, (Func<string, string>)(r => r.Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal))),
        };

        var translator = new SchemaTranslator(rewrite, Kind == SpecKind.Discovery) { StrictDiscoveryObjects = RejectUnknownProperties };
        var defs = new JsonObject { [RequestDef] = translator.Translate(requestSchema) };
        var pending = new Queue<JsonNode?>([defs[RequestDef]]);
        while (pending.Count > 0)
        {
            foreach (var name in Refs(pending.Dequeue()))
            {
                if (defs.ContainsKey(name))
                {
                    continue;
                }

                var source = definitions?[name] ?? throw new InvalidDataException($"{Source}: $ref to missing schema '{name}'.");
                var translated = translator.Translate(source);
                defs[name] = translated;
                pending.Enqueue(translated);
            }
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$ref"] = "#/$defs/" + RequestDef,
            ["$defs"] = defs,
        };
        if (RejectUnknownProperties && Kind != SpecKind.Discovery)
        {
            root["unevaluatedProperties"] = false;
        }

        _patch?.Invoke(root);
        return root;
    }

    /// <summary>Collects the errors of failing nodes only, so the failed branches of an <c>anyOf</c> that passed overall are not reported.</summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"{(node.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")} ({node.EvaluationPath}) {keyword}: {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    private static string RewriteOpenApiRef(string reference) =>
        reference.StartsWith("#/components/schemas/", StringComparison.Ordinal) ? "#/$defs/" + reference["#/components/schemas/".Length..] : reference;

    private static JsonObject WithoutDefinitions(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("$defs");
        copy.Remove("definitions");
        return copy;
    }

    /// <summary>The <c>#/$defs/{name}</c> names referenced anywhere under <paramref name="node"/>.</summary>
    private static IEnumerable<string> Refs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var r) && r.StartsWith("#/$defs/", StringComparison.Ordinal))
                    {
                        var name = r["#/$defs/".Length..];
                        var slash = name.IndexOf('/', StringComparison.Ordinal);
                        yield return (slash < 0 ? name : name[..slash]).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                    }
                    else
                    {
                        foreach (var inner in Refs(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Refs(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private JsonSchema Build(string requestPath, string method)
    {
        var document = GetRequestSchemaDocument(requestPath, method);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(document.ToJsonString(), options, new Uri($"https://contract.test/{Guid.NewGuid():N}/schema.json"));
    }

    private string DescribeOperation(string requestPath, string method) => Kind switch
    {
        SpecKind.OpenApi => method.ToUpperInvariant() + " " + MatchTemplate(requestPath, OpenApiPaths(method)),
        SpecKind.Discovery => method.ToUpperInvariant() + " " + FindDiscoveryMethod(requestPath, method)["flatPath"],
        _ => "whole-file schema",
    };

    private IEnumerable<string> OpenApiPaths(string method) =>
        (_document["paths"] as JsonObject ?? []).Where(p => p.Value?[method.ToLowerInvariant()] is not null).Select(p => p.Key);

    private JsonNode FindOpenApiRequestSchema(string requestPath, string method)
    {
        var template = MatchTemplate(requestPath, OpenApiPaths(method));
        var operation = _document["paths"]![template]![method.ToLowerInvariant()]!;
        var body = Deref(operation["requestBody"]) ?? throw new InvalidDataException($"{Source}: {method} {template} has no requestBody.");
        var content = body["content"] as JsonObject ?? throw new InvalidDataException($"{Source}: {method} {template} requestBody has no content.");
        var media = content["application/json"] ?? content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new InvalidDataException($"{Source}: {method} {template} has no JSON request body ({string.Join(", ", content.Select(c => c.Key))}).");
        return media["schema"] ?? throw new InvalidDataException($"{Source}: {method} {template} JSON body has no schema.");
    }

    private JsonNode? Deref(JsonNode? node)
    {
        for (var i = 0; i < 8 && node?["$ref"] is JsonValue v && v.TryGetValue<string>(out var r) && r.StartsWith("#/", StringComparison.Ordinal) && !r.StartsWith("#/components/schemas/", StringComparison.Ordinal); i++)
        {
            node = r[2..].Split('/').Aggregate((JsonNode?)_document, (current, segment) => current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]);
        }

        return node;
    }

    private JsonObject FindDiscoveryMethod(string requestPath, string method)
    {
        var methods = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        CollectDiscoveryMethods(_document, methods, method);
        return methods[MatchTemplate(requestPath, methods.Keys)];
    }

    private JsonNode FindDiscoveryRequestSchema(string requestPath, string method)
    {
        var found = FindDiscoveryMethod(requestPath, method);
        return found["request"]?.DeepClone() ?? throw new InvalidDataException($"{Source}: {found["id"]} has no request body.");
    }

    private static void CollectDiscoveryMethods(JsonObject node, Dictionary<string, JsonObject> into, string method)
    {
        if (node["methods"] is JsonObject methods)
        {
            foreach (var (_, m) in methods)
            {
                if (m is JsonObject o && string.Equals((string?)o["httpMethod"], method, StringComparison.OrdinalIgnoreCase) && (string?)(o["flatPath"] ?? o["path"]) is { } path)
                {
                    into.TryAdd(path.StartsWith('/') ? path : "/" + path, o);
                }
            }
        }

        if (node["resources"] is JsonObject resources)
        {
            foreach (var (_, r) in resources)
            {
                if (r is JsonObject child)
                {
                    CollectDiscoveryMethods(child, into, method);
                }
            }
        }
    }

    /// <summary>Finds the spec path template that matches the end of <paramref name="requestPath"/>: the one with most literal characters wins.</summary>
    private string MatchTemplate(string requestPath, IEnumerable<string> templates)
    {
        var path = "/" + requestPath.Split('?')[0].Trim('/');
        string? best = null;
        var bestScore = -1;
        foreach (var template in templates)
        {
            var pattern = "(^|/)" + TemplateParameter().Replace(Regex.Escape(template.Split('?')[0].Trim('/')), "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern, RegexOptions.CultureInvariant))
            {
                var score = RawParameter().Replace(template, string.Empty).Length;
                if (score > bestScore)
                {
                    best = template;
                    bestScore = score;
                }
            }
        }

        return best ?? throw new InvalidDataException($"{Path.GetFileName(Source)} has no operation matching {requestPath}.");
    }

    [GeneratedRegex(@"\\\{[^}]*\}")]
    private static partial Regex TemplateParameter();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RawParameter();
}
