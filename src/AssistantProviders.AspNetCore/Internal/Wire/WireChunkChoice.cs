// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>One choice of a stream chunk.</summary>
internal sealed class WireChunkChoice
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Index { get; set; }

    public WireDelta Delta { get; set; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Logprobs { get; set; }
}
