// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>A tool call: id, <c>function</c> type, name and JSON argument text.</summary>
internal sealed class CohereToolCall
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public CohereFunctionCall? Function { get; set; }
}
