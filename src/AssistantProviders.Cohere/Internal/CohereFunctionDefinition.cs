// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cohere.Internal;

/// <summary>A function the model may call; <see cref="Parameters"/> is a JSON Schema.</summary>
internal sealed class CohereFunctionDefinition
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public JsonElement Parameters { get; set; }
}
