// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary><c>{"type":"function","function":{...}}</c>.</summary>
internal sealed class WireTool
{
    public string Type { get; set; } = "function";

    public WireFunctionDefinition Function { get; set; } = new();
}
