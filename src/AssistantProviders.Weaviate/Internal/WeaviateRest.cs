// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// The Weaviate HTTP calls, over the shared <see cref="ProviderTransport"/> (endpoint policy, key, time limit, body cap, typed
/// errors, no redirects): <c>/v1/schema</c> (classes and tenants), <c>/v1/batch/objects</c> (upsert and delete),
/// <c>/v1/objects/{class}/{id}</c>, <c>/v1/graphql</c> and <c>/v1/meta</c>. A GraphQL answer with <c>errors</c> and a batch answer
/// with failed objects are typed errors, even though Weaviate sends them with HTTP 200.
/// </summary>
internal sealed class WeaviateRest : IDisposable
{
    private readonly ProviderTransport _transport;

    public WeaviateRest(WeaviateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxBatchSize is < 1 or > WeaviateClientOptions.MaxBatchSizeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBatchSize, $"MaxBatchSize must be between 1 and {WeaviateClientOptions.MaxBatchSizeLimit}.");
        }

        var descriptor = WeaviateProvider.Create();
        if (options.AllowAnonymous && !options.HasApiKey)
        {
            descriptor.ApiKeyEnvironmentVariable = null;
        }

        Options = options;
        _transport = new ProviderTransport(descriptor, options, httpClient, ProviderAuth.Bearer, logger, timeProvider);
    }

    public WeaviateClientOptions Options { get; }

    public ILogger Logger => _transport.Logger;

    public ProviderDescriptor Descriptor => _transport.Descriptor;

    public Uri Endpoint => _transport.Endpoint;

    /// <summary>Gets a class definition, or null when there is none (404).</summary>
    public async Task<JsonElement?> GetClassAsync(string className, CancellationToken cancellationToken)
    {
        try
        {
            return await GetJsonAsync("v1/schema/" + Uri.EscapeDataString(className), cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListClassesAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v1/schema"));
        var (schema, _) = await _transport.SendForJsonAsync(request, WeaviateJsonContext.Default.WeaviateSchema, null, cancellationToken).ConfigureAwait(false);
        return [.. (schema.Classes ?? []).Select(c => c.Name).OfType<string>()];
    }

    public async Task CreateClassAsync(JsonObject definition, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/schema")) { Content = Json(definition) };
        using var response = await _transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddTenantAsync(string className, string tenant, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/schema/" + Uri.EscapeDataString(className) + "/tenants"))
        {
            Content = ProviderTransport.JsonContent([new WeaviateTenant { Name = tenant }], WeaviateJsonContext.Default.ListWeaviateTenant),
        };
        using var response = await _transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a class with all its objects; a missing class is no error.</summary>
    public async Task DeleteClassAsync(string className, CancellationToken cancellationToken)
    {
        try
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, _transport.Resolve("v1/schema/" + Uri.EscapeDataString(className)));
            using var response = await _transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
        }
    }

    /// <summary>Sends one batch of objects; any failed object fails the call with the first errors Weaviate gave.</summary>
    public async Task BatchObjectsAsync(string className, JsonArray objects, CancellationToken cancellationToken)
    {
        var count = objects.Count;
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/batch/objects"))
        {
            Content = Json(new JsonObject { ["objects"] = objects }),
        };
        var (results, _) = await _transport.SendForJsonAsync(request, WeaviateJsonContext.Default.ListWeaviateBatchResult, null, cancellationToken).ConfigureAwait(false);
        var failed = results.Where(r => r.Result?.Errors?.Error is { Count: > 0 } || string.Equals(r.Result?.Status, "FAILED", StringComparison.OrdinalIgnoreCase)).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        Log.BatchFailed(Logger, className, failed.Count, count);
        var messages = failed.Take(3).Select(r => $"{r.Id}: {string.Join("; ", (r.Result?.Errors?.Error ?? []).Select(e => e.Message))}");
        throw Error(
            $"Weaviate rejected {failed.Count} of {count} objects of the batch into '{className}': {string.Join(" | ", messages)}",
            "batch_object_failed",
            KindOf(failed.SelectMany(r => r.Result?.Errors?.Error ?? []).Select(e => e.Message)));
    }

    /// <summary>Gets one object (with its vectors when asked), or null when it is not there.</summary>
    public async Task<JsonElement?> GetObjectAsync(string className, Guid id, string? tenant, bool includeVector, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        if (includeVector)
        {
            query.Append("include=vector");
        }

        AppendTenant(query, tenant);
        try
        {
            return await GetJsonAsync(ObjectPath(className, id) + (query.Length > 0 ? "?" + query : string.Empty), cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes one object; a missing object is no error.</summary>
    public async Task DeleteObjectAsync(string className, Guid id, string? tenant, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        AppendTenant(query, tenant);
        try
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, _transport.Resolve(ObjectPath(className, id) + (query.Length > 0 ? "?" + query : string.Empty)));
            using var response = await _transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex) when (ex.StatusCode == 404)
        {
        }
    }

    /// <summary>Deletes the objects with the given ids in one <c>DELETE /v1/batch/objects</c> (a <c>ContainsAny</c> match on <c>id</c>).</summary>
    public async Task BatchDeleteAsync(string className, IReadOnlyList<Guid> ids, string? tenant, CancellationToken cancellationToken)
    {
        var values = new JsonArray();
        foreach (var id in ids)
        {
            values.Add((JsonNode)id.ToString("D"));
        }

        var body = new JsonObject
        {
            ["match"] = new JsonObject
            {
                ["class"] = className,
                ["where"] = new JsonObject
                {
                    ["path"] = new JsonArray("id"),
                    ["operator"] = "ContainsAny",
                    ["valueTextArray"] = values,
                },
            },
            ["output"] = "minimal",
        };
        var query = new StringBuilder();
        AppendTenant(query, tenant);
        var request = new HttpRequestMessage(HttpMethod.Delete, _transport.Resolve("v1/batch/objects" + (query.Length > 0 ? "?" + query : string.Empty))) { Content = Json(body) };
        using var response = await _transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a GraphQL query and returns its <c>data</c>; <c>errors</c> in the answer (even with HTTP 200) throw.</summary>
    public async Task<JsonElement> GraphQLAsync(string className, string query, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/graphql"))
        {
            Content = ProviderTransport.JsonContent(new WeaviateGraphQLRequest { Query = query }, WeaviateJsonContext.Default.WeaviateGraphQLRequest),
        };
        var (response, _) = await _transport.SendForJsonAsync(request, WeaviateJsonContext.Default.WeaviateGraphQLResponse, null, cancellationToken).ConfigureAwait(false);
        if (response.Errors is { Count: > 0 } errors)
        {
            Log.GraphQLErrors(Logger, className, errors.Count);
            var messages = errors.Select(e => e.Message ?? "(no message)").ToList();
            throw Error(
                $"Weaviate answered the GraphQL query on '{className}' with {errors.Count} error(s): {string.Join("; ", messages.Take(5))}",
                "graphql_error",
                KindOf(messages));
        }

        if (response.Data.ValueKind != JsonValueKind.Object)
        {
            throw _transport.InvalidResponse(null, "the GraphQL answer has neither data nor errors", null);
        }

        return response.Data;
    }

    public async Task<WeaviateMeta> GetMetaAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v1/meta"));
        var (meta, _) = await _transport.SendForJsonAsync(request, WeaviateJsonContext.Default.WeaviateMeta, null, cancellationToken).ConfigureAwait(false);
        return meta;
    }

    public InvalidResponseException InvalidResponse(string what) => _transport.InvalidResponse(null, what, null);

    public void Dispose() => _transport.Dispose();

    private static ProviderErrorKind KindOf(IEnumerable<string?> messages)
    {
        var text = string.Join(" ", messages);
        return text.Contains("Cannot query field", StringComparison.OrdinalIgnoreCase) || text.Contains("not found", StringComparison.OrdinalIgnoreCase) ||
               text.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            ? ProviderErrorKind.NotFound
            : ProviderErrorKind.BadRequest;
    }

    private AssistantProviderException Error(string message, string code, ProviderErrorKind kind) =>
        new(SecretRedactor.Redact(message, [Options.ApiKey, .. Options.ApiKeys]))
        {
            Kind = kind,
            ProviderId = WeaviateProvider.Id,
            ErrorCode = code,
        };

    private static string ObjectPath(string className, Guid id) => "v1/objects/" + Uri.EscapeDataString(className) + "/" + id.ToString("D");

    private static void AppendTenant(StringBuilder query, string? tenant)
    {
        if (tenant is not null)
        {
            query.Append(query.Length > 0 ? "&" : string.Empty).Append("tenant=").Append(Uri.EscapeDataString(tenant));
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve(path));
        var (element, _) = await _transport.SendForJsonAsync(request, WeaviateJsonContext.Default.JsonElement, null, cancellationToken).ConfigureAwait(false);
        return element;
    }

    private static HttpContent Json(JsonNode node) => ProviderTransport.JsonContent<JsonNode>(node, WeaviateJsonContext.Default.JsonNode);
}
