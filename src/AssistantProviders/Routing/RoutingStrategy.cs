// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>How the router orders the candidates that pass the filters (compliance, capability, health, budget).</summary>
public enum RoutingStrategy
{
    /// <summary>Ordered fallback: providers in the order they were added, or by their configured <c>Priority</c>. The default.</summary>
    Priority = 0,

    /// <summary>Local providers (Ollama, LM Studio, MLX, the emulator) first, then cloud providers by priority.</summary>
    LocalFirst,

    /// <summary>Lowest estimated cost first (price catalog times estimated tokens); unpriced routes last.</summary>
    Cheapest,

    /// <summary>Lowest moving-average latency (time to first token for streams) first; unmeasured routes last.</summary>
    Fastest,

    /// <summary>Fewest requests in flight first.</summary>
    LeastBusy,

    /// <summary>Routes known to be good at the request's task tag (<c>realtime</c>, <c>web-search</c>, <c>rag</c>, <c>code</c>, <c>vision</c>, <c>multilingual</c>, <c>long-context</c>) first.</summary>
    BestForTask,

    /// <summary>A weighted random order, from the configured weights (default weight 1).</summary>
    Weighted,

    /// <summary>
    /// By request complexity: an <see cref="IRequestClassifier"/> puts each chat request in a tier (<see cref="RequestTiers"/>),
    /// and the tier's model pool (<see cref="AutoRoutingOptions.Tiers"/>) goes first, ordered by
    /// <see cref="AutoRoutingOptions.PoolStrategy"/> (cheapest by default). Other operations are ordered by that strategy alone.
    /// </summary>
    Auto,
}
