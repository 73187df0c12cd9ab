// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Ollama.Internal;

/// <summary>A function exposed to the model.</summary>
internal sealed class OllamaFunctionDefinition
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public JsonElement Parameters { get; set; }
}
