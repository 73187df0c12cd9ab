// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>
/// Settings of <see cref="RoutingStrategy.Auto"/>, bound from <c>AssistantProviders:Routing:Auto</c>: the model pool of each
/// tier, the order inside a pool, and the heuristic classifier's thresholds.
/// </summary>
#pragma warning disable CA1002, CA2227 // Bindable configuration shape: concrete, settable collections.
public sealed class AutoRoutingOptions
{
    /// <summary>
    /// Gets or sets the model pool of each tier: tier name to <c>provider/model</c> (or <c>provider</c>) entries, for example
    /// <c>Routing:Auto:Tiers:complex = ["anthropic/claude-sonnet-4", "openai/gpt-4.1"]</c>. A route in no pool comes after
    /// every pooled route; with no pool at all, <c>Auto</c> orders every route by <see cref="PoolStrategy"/>.
    /// </summary>
    public Dictionary<string, List<string>> Tiers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets the tiers from the cheapest to the most capable. Failover leaves the request's tier for the next tier up,
    /// or, when budgets fall back to cheaper routes (<c>Budgets:OnExceeded</c> is <c>FallbackToCheaper</c> or
    /// <c>LocalOnly</c>), for the next tier down. Default <c>simple, medium, complex, reasoning</c>; a tier the classifier
    /// returns that is not listed ranks above them all.
    /// </summary>
    public List<string> TierOrder { get; set; } = [];

    /// <summary>Gets or sets the order inside each pool. Default <see cref="RoutingStrategy.Cheapest"/>; <c>Auto</c> itself is read as <c>Cheapest</c>.</summary>
    public RoutingStrategy PoolStrategy { get; set; } = RoutingStrategy.Cheapest;

    /// <summary>Gets or sets the heuristic points from which a request is <see cref="RequestTiers.Medium"/>. Default 2.</summary>
    public int MediumScore { get; set; } = 2;

    /// <summary>Gets or sets the heuristic points from which a request is <see cref="RequestTiers.Complex"/>. Default 4.</summary>
    public int ComplexScore { get; set; } = 4;

    /// <summary>Gets or sets the estimated input tokens from which the input counts as long (2 points; four times as many: 4 points). Default 2,000.</summary>
    public int LongInputTokens { get; set; } = 2_000;

    /// <summary>Gets or sets the semantic classifier (off unless it has examples).</summary>
    public SemanticClassifierOptions Semantic { get; set; } = new();

    /// <summary>Gets the tier order in effect: <see cref="TierOrder"/>, or the built-in tiers when it is empty.</summary>
    internal IReadOnlyList<string> EffectiveTierOrder =>
        TierOrder.Count > 0 ? TierOrder : [RequestTiers.Simple, RequestTiers.Medium, RequestTiers.Complex, RequestTiers.Reasoning];
}
#pragma warning restore CA1002, CA2227
