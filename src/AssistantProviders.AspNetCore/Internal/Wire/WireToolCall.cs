// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>A tool call of an assistant message (request) or of an answer.</summary>
internal sealed class WireToolCall
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public WireFunctionCall? Function { get; set; }
}
