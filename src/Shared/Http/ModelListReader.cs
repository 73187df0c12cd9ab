// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Shared;

/// <summary>
/// Reads a vendor model listing: <c>{"data":[{...}]}</c> (OpenAI-style, Anthropic), <c>{"models":[{...}]}</c> (Gemini, Ollama,
/// Cohere) or a bare array (Together). Ids come from <c>id</c>, <c>name</c> or <c>model</c>; context windows from
/// <c>context_window</c>, <c>context_length</c> or <c>inputTokenLimit</c>.
/// </summary>
internal static class ModelListReader
{
    public static Task<IReadOnlyList<ModelDescriptor>> ListAsync(ProviderTransport transport, string path, CancellationToken cancellationToken) =>
        ListAsync(transport, path, null, cancellationToken);

    /// <summary>Lists models; <paramref name="enrich"/> sees each raw item with the descriptor built from it (vendor fields).</summary>
    public static async Task<IReadOnlyList<ModelDescriptor>> ListAsync(
        ProviderTransport transport, string path, Action<JsonElement, ModelDescriptor>? enrich, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, transport.Resolve(path));
        var (root, _) = await transport.SendForJsonAsync(request, ModelListJsonContext.Default.JsonElement, null, cancellationToken).ConfigureAwait(false);
        return Parse(root, transport.Descriptor, enrich);
    }

    public static IReadOnlyList<ModelDescriptor> Parse(JsonElement root, ProviderDescriptor provider) => Parse(root, provider, null);

    public static IReadOnlyList<ModelDescriptor> Parse(JsonElement root, ProviderDescriptor provider, Action<JsonElement, ModelDescriptor>? enrich)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array => d,
            JsonValueKind.Object when root.TryGetProperty("models", out var m) && m.ValueKind == JsonValueKind.Array => m,
            _ => default,
        };

        var result = new List<ModelDescriptor>();
        if (items.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var item in items.EnumerateArray())
        {
            var id = Str(item, "id") ?? Str(item, "name") ?? Str(item, "model");
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            if (id.StartsWith("models/", StringComparison.Ordinal))
            {
                id = id["models/".Length..];
            }

            var model = new ModelDescriptor(provider.Id, id)
            {
                DisplayName = Str(item, "display_name") ?? Str(item, "displayName"),
                OwnedBy = Str(item, "owned_by") ?? Str(item, "organization"),
                ContextWindow = Int(item, "context_window") ?? Int(item, "context_length") ?? Int(item, "inputTokenLimit") ?? Int(item, "max_context_length"),
                MaxOutputTokens = Int(item, "outputTokenLimit") ?? Int(item, "max_completion_tokens"),
                Locality = provider.Locality,
                Discovered = true,
            };
            if (item.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out var unix))
            {
                model.CreatedAt = UnixTime.ToDate(unix);
            }

            enrich?.Invoke(item, model);
            result.Add(model);
        }

        return result;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
