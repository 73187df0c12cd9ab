// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>A choice of a completion (<see cref="Message"/>) or of a chunk (<see cref="Delta"/>).</summary>
internal sealed class WireChoice
{
    public int Index { get; set; }

    public WireMessage? Message { get; set; }

    public WireMessage? Delta { get; set; }

    public string? FinishReason { get; set; }
}
