// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>A function call's name and JSON-encoded arguments (possibly partial in a delta).</summary>
internal sealed class WireFunctionCall
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
