// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>One choice of a chat completion.</summary>
internal sealed class WireChoice
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Index { get; set; }

    public WireResponseMessage Message { get; set; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Logprobs { get; set; }
}
