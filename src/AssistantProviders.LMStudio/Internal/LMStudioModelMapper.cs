// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared;

namespace AssistantProviders.LMStudio.Internal;

/// <summary>
/// Maps LM Studio's native model listings onto <see cref="ModelDescriptor"/>: <c>GET /api/v0/models</c>
/// (<c>{"data":[{id,type,publisher,state,max_context_length}]}</c>) and <c>GET /api/v1/models</c>
/// (<c>{"models":[{key,display_name,type,max_context_length,capabilities{vision,trained_for_tool_use}}]}</c>).
/// <c>type</c> gives the capabilities (llm, vlm, embedding[s]); <c>publisher</c> the owner; a loaded model gets the task tag <c>loaded</c>.
/// </summary>
internal static class LMStudioModelMapper
{
    public const string LoadedTag = "loaded";

    public static IReadOnlyList<ModelDescriptor> Parse(JsonElement root, ProviderDescriptor provider)
    {
        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("models", out var v1) && v1.ValueKind == JsonValueKind.Array ? v1
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var v0) && v0.ValueKind == JsonValueKind.Array ? v0
            : default;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return ModelListReader.Parse(root, provider);
        }

        var result = new List<ModelDescriptor>();
        foreach (var item in items.EnumerateArray())
        {
            var id = Str(item, "id") ?? Str(item, "key");
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            var model = new ModelDescriptor(provider.Id, id)
            {
                DisplayName = Str(item, "display_name"),
                OwnedBy = Str(item, "publisher") ?? Str(item, "owned_by"),
                ContextWindow = Int(item, "max_context_length") ?? Int(item, "context_length"),
                Capabilities = Capabilities(item),
                Locality = provider.Locality,
                ComplianceTags = [.. provider.ComplianceTags],
                Discovered = true,
            };
            if (IsLoaded(item))
            {
                model.Tasks.Add(LoadedTag);
            }

            result.Add(model);
        }

        return result;
    }

    private static ModelCapabilities Capabilities(JsonElement item)
    {
        var caps = Str(item, "type") switch
        {
            "embedding" or "embeddings" => ModelCapabilities.Embeddings,
            "vlm" => ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Vision,
            "llm" => ModelCapabilities.Chat | ModelCapabilities.Streaming,
            _ => ModelCapabilities.None,
        };
        if (item.TryGetProperty("capabilities", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            if (c.TryGetProperty("vision", out var vision) && vision.ValueKind == JsonValueKind.True)
            {
                caps |= ModelCapabilities.Vision;
            }

            if (c.TryGetProperty("trained_for_tool_use", out var tools) && tools.ValueKind == JsonValueKind.True)
            {
                caps |= ModelCapabilities.Tools;
            }
        }

        return caps;
    }

    private static bool IsLoaded(JsonElement item) =>
        Str(item, "state") == "loaded" ||
        (item.TryGetProperty("loaded_instances", out var li) && li.ValueKind == JsonValueKind.Array && li.GetArrayLength() > 0);

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
