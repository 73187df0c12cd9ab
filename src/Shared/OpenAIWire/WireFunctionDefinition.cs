// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>A function tool's name, description and JSON-schema parameters.</summary>
internal sealed class WireFunctionDefinition
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }

    public bool? Strict { get; set; }
}
