// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// One emulated Weaviate class: its definition as created (returned by <c>GET /v1/schema</c>), its properties (data type, filterable,
/// searchable), its vector metrics (the class vector, or named vectors), its tenants and its objects. Guarded by <see cref="Gate"/>.
/// </summary>
internal sealed class WeaviateClassState
{
    public WeaviateClassState(string name, JsonObject definition)
    {
        Name = name;
        Definition = definition;
        foreach (var property in JsonText.Arr(definition, "properties"))
        {
            var propertyName = JsonText.Str(property, "name") ?? string.Empty;
            var dataType = JsonText.Arr(property, "dataType").FirstOrDefault() is JsonValue type && type.TryGetValue<string>(out var text) ? text : "text";
            Properties[propertyName] = new PropertyInfo(
                dataType,
                JsonText.Bool(property, "indexFilterable") ?? true,
                (JsonText.Bool(property, "indexSearchable") ?? true) && dataType.StartsWith("text", StringComparison.Ordinal));
        }

        if (JsonText.Obj(definition, "vectorConfig") is { Count: > 0 } vectorConfig)
        {
            foreach (var (vectorName, config) in vectorConfig)
            {
                NamedMetrics[vectorName] = JsonText.Str(JsonText.Obj(config, "vectorIndexConfig"), "distance") ?? "cosine";
            }
        }
        else
        {
            DefaultMetric = JsonText.Str(JsonText.Obj(definition, "vectorIndexConfig"), "distance") ?? "cosine";
        }

        MultiTenant = JsonText.Bool(JsonText.Obj(definition, "multiTenancyConfig"), "enabled") == true;
    }

    public string Name { get; }

    public JsonObject Definition { get; }

    public Lock Gate { get; } = new();

    public Dictionary<string, PropertyInfo> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the metric of the class vector, or null when the class has named vectors.</summary>
    public string? DefaultMetric { get; }

    public Dictionary<string, string> NamedMetrics { get; } = new(StringComparer.Ordinal);

    public bool MultiTenant { get; }

    public HashSet<string> Tenants { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the objects by tenant ("" without multi-tenancy) and id, in insertion order per key.</summary>
    public Dictionary<(string Tenant, Guid Id), WeaviateStoredObject> Objects { get; } = [];

    /// <summary>Gets the vector length of each vector ("" = the class vector), fixed by the first object that had one.</summary>
    public Dictionary<string, int> Dimensions { get; } = new(StringComparer.Ordinal);

    /// <summary>A property of the class.</summary>
    /// <param name="DataType">The Weaviate data type (<c>text</c>, <c>int[]</c>…).</param>
    /// <param name="Filterable">Whether it has the filterable inverted index.</param>
    /// <param name="Searchable">Whether it has the BM25 (searchable) index.</param>
    public sealed record PropertyInfo(string DataType, bool Filterable, bool Searchable);

    /// <summary>Checks the tenant of a request against the class's multi-tenancy; returns the object key tenant or an error.</summary>
    public string? TenantError(string? tenant) =>
        MultiTenant && string.IsNullOrEmpty(tenant) ? $"class {Name} has multi-tenancy enabled, but request was without tenant"
        : !MultiTenant && !string.IsNullOrEmpty(tenant) ? $"class {Name} has multi-tenancy disabled, but request was with tenant"
        : MultiTenant && !Tenants.Contains(tenant!) ? $"tenant not found: \"{tenant}\""
        : null;
}
