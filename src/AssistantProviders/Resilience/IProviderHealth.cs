// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>The router's view of route health: breaker state, cooldown, moving-average latency and time to first token, error rate and in-flight calls.</summary>
public interface IProviderHealth
{
    /// <summary>Returns a snapshot of every route the routers have used or know about.</summary>
    /// <returns>The routes' health.</returns>
    IReadOnlyList<RouteHealth> GetSnapshot();

    /// <summary>Returns the health of one provider's routes, or an empty list when it has none yet.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The provider's routes.</returns>
    IReadOnlyList<RouteHealth> GetProvider(string providerId);
}
