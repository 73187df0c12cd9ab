// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>The function of a tool call: its name and its arguments as a JSON string.</summary>
internal sealed class WireFunctionCall
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
