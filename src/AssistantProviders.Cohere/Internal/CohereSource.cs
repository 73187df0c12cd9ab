// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cohere.Internal;

/// <summary>A citation source: a grounding <c>document</c> or a <c>tool</c> output.</summary>
internal sealed class CohereSource
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public Dictionary<string, JsonElement>? Document { get; set; }

    public Dictionary<string, JsonElement>? ToolOutput { get; set; }
}
