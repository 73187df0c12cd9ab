// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>A tool call in a message, or a partial one in a stream delta (<see cref="Index"/> identifies it across deltas).</summary>
internal sealed class WireToolCall
{
    public int? Index { get; set; }

    public string? Id { get; set; }

    public string? Type { get; set; }

    public WireFunctionCall? Function { get; set; }
}
