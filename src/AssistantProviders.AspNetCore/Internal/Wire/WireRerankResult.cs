// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>One reranked document.</summary>
internal sealed class WireRerankResult
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Index { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double RelevanceScore { get; set; }

    public WireRerankDocument? Document { get; set; }
}
