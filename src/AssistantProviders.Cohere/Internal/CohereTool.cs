// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>A tool definition (<c>{"type":"function","function":{...}}</c>).</summary>
internal sealed class CohereTool
{
    public string Type { get; set; } = "function";

    public CohereFunctionDefinition Function { get; set; } = new();
}
