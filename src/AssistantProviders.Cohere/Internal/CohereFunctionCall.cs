// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The function part of a tool call.</summary>
internal sealed class CohereFunctionCall
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
