// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>A tool call in a stream delta: its index among the answer's calls, then the id, name and arguments.</summary>
internal sealed class WireToolCallDelta
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Index { get; set; }

    public string? Id { get; set; }

    public string? Type { get; set; }

    public WireFunctionCall? Function { get; set; }
}
