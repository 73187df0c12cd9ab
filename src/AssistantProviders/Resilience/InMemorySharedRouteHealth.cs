// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;

namespace AssistantProviders.Resilience;

/// <summary>
/// An <see cref="ISharedRouteHealth"/> in process memory: what one engine reports, every engine holding the same instance
/// sees (several engines in one process, tests). Each open or cooldown closes by itself when its time passes.
/// </summary>
internal sealed class InMemorySharedRouteHealth : ISharedRouteHealth
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _cooldown = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public InMemorySharedRouteHealth(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc/>
    public void ReportOpen(string route, DateTimeOffset until) => Extend(_open, route, until);

    /// <inheritdoc/>
    public void ReportCooldown(string route, DateTimeOffset until) => Extend(_cooldown, route, until);

    /// <inheritdoc/>
    public DateTimeOffset? GetOpenUntil(string route) => Future(_open, route);

    /// <inheritdoc/>
    public DateTimeOffset? GetCooldownUntil(string route) => Future(_cooldown, route);

    private void Extend(ConcurrentDictionary<string, DateTimeOffset> map, string route, DateTimeOffset until)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        if (until <= _time.GetUtcNow())
        {
            return;
        }

        map.AddOrUpdate(route, until, (_, current) => current > until ? current : until);
    }

    private DateTimeOffset? Future(ConcurrentDictionary<string, DateTimeOffset> map, string route)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        if (!map.TryGetValue(route, out var until))
        {
            return null;
        }

        if (until > _time.GetUtcNow())
        {
            return until;
        }

        map.TryRemove(new KeyValuePair<string, DateTimeOffset>(route, until));
        return null;
    }
}
