// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// Route health shared between app instances: when one instance opens a route's breaker or starts a cooldown, the others skip
/// the route too until it ends. The default shares nothing: each instance's own route state is the only state.
/// Implementations are thread-safe and never throw: when their store is unavailable they report nothing (and the
/// instance's own state applies).
/// </summary>
/// <remarks>
/// A report opens the route (or starts its cooldown) until an instant; it closes again by itself when that instant passes.
/// A later report extends the time, an earlier one never shortens it, and one already in the past is ignored.
/// </remarks>
public interface ISharedRouteHealth
{
    /// <summary>Publishes that the route's breaker is open until <paramref name="until"/>.</summary>
    /// <param name="route">The route key: <c>operation:provider/model</c>.</param>
    /// <param name="until">The end of the break.</param>
    void ReportOpen(string route, DateTimeOffset until);

    /// <summary>Publishes that the route cools down until <paramref name="until"/> (a 429/5xx/timeout, or Retry-After).</summary>
    /// <param name="route">The route key: <c>operation:provider/model</c>.</param>
    /// <param name="until">The end of the cooldown.</param>
    void ReportCooldown(string route, DateTimeOffset until);

    /// <summary>Gets the end of a break another instance reported, or <see langword="null"/>.</summary>
    /// <param name="route">The route key.</param>
    /// <returns>The end of the break, when still in the future.</returns>
    DateTimeOffset? GetOpenUntil(string route);

    /// <summary>Gets the end of a cooldown another instance reported, or <see langword="null"/>.</summary>
    /// <param name="route">The route key.</param>
    /// <returns>The end of the cooldown, when still in the future.</returns>
    DateTimeOffset? GetCooldownUntil(string route);
}
