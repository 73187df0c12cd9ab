// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Catalog;

/// <summary>
/// Writes imported prices in the <c>AssistantProviders:Catalog</c> shape: as an override JSON file (merged into an existing one)
/// or as an in-memory configuration layer. A model id holding <c>:</c> (configuration's key separator, as in Ollama tags) goes
/// under a key with <c>__</c> instead and an explicit <c>id</c>, which the catalog reads back as the model id.
/// </summary>
internal static class PriceOverrideWriter
{
    private const string RootKey = "AssistantProviders";
    private const string CatalogKey = "Catalog";

    public static string Write(IReadOnlyList<PriceOverrideItem> items, string? existingJson, string comment)
    {
        var root = Existing(existingJson);
        Set(root, "$comment", JsonValue.Create(comment));
        var catalog = Child(Child(root, RootKey, "the file"), CatalogKey, RootKey);
        var providers = Child(catalog, "providers", RootKey + ":" + CatalogKey);
        foreach (var item in items.OrderBy(i => i.Model.ProviderId, StringComparer.Ordinal).ThenBy(i => i.CatalogModelId, StringComparer.Ordinal))
        {
            var provider = Child(providers, item.Model.ProviderId, "providers");
            var models = Child(provider, "models", "providers:" + item.Model.ProviderId);
            var key = Key(item.CatalogModelId);
            var model = Child(models, key, "providers:" + item.Model.ProviderId + ":models");
            if (key != item.CatalogModelId)
            {
                Set(model, "id", JsonValue.Create(item.CatalogModelId));
            }

            foreach (var field in PriceImportRules.AllFields)
            {
                if (item.Model.Prices.TryGetValue(field, out var price))
                {
                    Set(model, field, JsonValue.Create(price));
                }
            }

            if (item.IsNew)
            {
                if (item.Model.ContextWindow is { } cw && Find(model, "contextWindow") is null)
                {
                    model["contextWindow"] = JsonValue.Create(cw);
                }

                if (item.Model.MaxOutputTokens is { } mo && Find(model, "maxOutputTokens") is null)
                {
                    model["maxOutputTokens"] = JsonValue.Create(mo);
                }

                if (item.Model.Capabilities != ModelCapabilities.None && Find(model, "capabilities") is null)
                {
                    var caps = new JsonArray();
                    foreach (var name in CapabilityNames(item.Model.Capabilities))
                    {
                        caps.Add((JsonNode)JsonValue.Create(name));
                    }

                    model["capabilities"] = caps;
                }
            }
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    public static IConfiguration ToConfiguration(IReadOnlyList<PriceOverrideItem> items)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var prefix = "providers:" + item.Model.ProviderId + ":models:" + Key(item.CatalogModelId);
            if (Key(item.CatalogModelId) != item.CatalogModelId)
            {
                data[prefix + ":id"] = item.CatalogModelId;
            }

            foreach (var (field, price) in item.Model.Prices)
            {
                data[prefix + ":" + field] = price.ToString(CultureInfo.InvariantCulture);
            }

            if (item.IsNew)
            {
                if (item.Model.ContextWindow is { } cw)
                {
                    data[prefix + ":contextWindow"] = cw.ToString(CultureInfo.InvariantCulture);
                }

                if (item.Model.MaxOutputTokens is { } mo)
                {
                    data[prefix + ":maxOutputTokens"] = mo.ToString(CultureInfo.InvariantCulture);
                }

                var i = 0;
                foreach (var name in CapabilityNames(item.Model.Capabilities))
                {
                    data[prefix + ":capabilities:" + i++.ToString(CultureInfo.InvariantCulture)] = name;
                }
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }

    /// <summary>The configuration-safe key of a model id.</summary>
    public static string Key(string modelId) => modelId.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> CapabilityNames(ModelCapabilities capabilities) =>
        Enum.GetValues<ModelCapabilities>().Where(c => c != ModelCapabilities.None && capabilities.HasFlag(c)).Select(c => c.ToString().ToLowerInvariant());

    private static JsonObject Existing(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The existing override file is not valid JSON: " + ex.Message, ex);
        }

        return node as JsonObject ?? throw new InvalidDataException("The existing override file is not a JSON object ({\"AssistantProviders\":{\"Catalog\":{…}}}).");
    }

    /// <summary>The child object named <paramref name="key"/> (any case), created when absent; anything else there is an error.</summary>
    private static JsonObject Child(JsonObject parent, string key, string where)
    {
        if (Find(parent, key) is { } existingKey)
        {
            return parent[existingKey] as JsonObject
                ?? throw new InvalidDataException($"The existing override file has '{existingKey}' under {where}, but it is not an object.");
        }

        var child = new JsonObject();
        parent[key] = child;
        return child;
    }

    /// <summary>Sets a member, replacing one of the same name in any case (configuration keys ignore case; duplicates would fail to load).</summary>
    private static void Set(JsonObject parent, string key, JsonNode? value) => parent[Find(parent, key) ?? key] = value;

    private static string? Find(JsonObject parent, string key) =>
        parent.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
}
