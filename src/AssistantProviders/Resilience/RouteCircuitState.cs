// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>The state of a route's circuit breaker.</summary>
public enum RouteCircuitState
{
    /// <summary>Calls flow normally.</summary>
    Closed = 0,

    /// <summary>Too many failures: the route is skipped until the break ends.</summary>
    Open,

    /// <summary>The break ended: exactly one probe call is let through.</summary>
    HalfOpen,

    /// <summary>The route was disabled (for example after an authentication failure).</summary>
    Isolated,
}
