// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>Token usage, plus the cost the router settled (<c>cost_usd</c>, an extension).</summary>
internal sealed class WireUsage
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long PromptTokens { get; set; }

    public long? CompletionTokens { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long TotalTokens { get; set; }

    public WirePromptTokensDetails? PromptTokensDetails { get; set; }

    public WireCompletionTokensDetails? CompletionTokensDetails { get; set; }

    public decimal? CostUsd { get; set; }
}
