// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>The delta of a stream chunk.</summary>
internal sealed class WireDelta
{
    public string? Role { get; set; }

    public string? Content { get; set; }

    public string? Refusal { get; set; }

    public List<WireToolCallDelta>? ToolCalls { get; set; }
}
