// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>A v2 chat message (<c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>), in requests and responses.</summary>
internal sealed class CohereMessage
{
    public string Role { get; set; } = "user";

    public CohereContent? Content { get; set; }

    public string? ToolPlan { get; set; }

    public List<CohereToolCall>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }

    public List<CohereCitation>? Citations { get; set; }
}
