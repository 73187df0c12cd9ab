// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>The assistant message of a chat completion.</summary>
internal sealed class WireResponseMessage
{
    public string Role { get; set; } = "assistant";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Content { get; set; }

    public string? Refusal { get; set; }

    public List<WireToolCall>? ToolCalls { get; set; }
}
