// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>A tool call: <c>{"function":{"name","arguments":{...}}}</c> (arguments are a JSON object, not a string).</summary>
internal sealed class OllamaToolCall
{
    /// <summary>Newer servers send an id; older ones do not.</summary>
    public string? Id { get; set; }

    public OllamaFunctionCall? Function { get; set; }
}
