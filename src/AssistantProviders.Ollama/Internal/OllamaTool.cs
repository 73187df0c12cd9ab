// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>A tool definition: <c>{"type":"function","function":{...}}</c>.</summary>
internal sealed class OllamaTool
{
    public string Type { get; set; } = "function";

    public OllamaFunctionDefinition Function { get; set; } = new();
}
