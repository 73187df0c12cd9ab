// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;

namespace AssistantProviders.Internal;

/// <summary>Holds every route's state, shared by all routers; the public <see cref="IProviderHealth"/>.</summary>
internal sealed class ProviderHealthRegistry : IProviderHealth
{
    private readonly ConcurrentDictionary<string, RouteState> _routes = new(StringComparer.OrdinalIgnoreCase);

    public RouteState GetOrAdd(string operation, ProviderRuntime provider, string? model, Func<RouteState> create) =>
        _routes.GetOrAdd(operation + ":" + provider.Id + "/" + (model ?? string.Empty), _ => create());

    public IReadOnlyList<RouteHealth> GetSnapshot() =>
        [.. _routes.Values.Select(route => route.Snapshot()).OrderBy(h => h.Provider, StringComparer.Ordinal).ThenBy(h => h.Operation, StringComparer.Ordinal).ThenBy(h => h.Model, StringComparer.Ordinal)];

    public IReadOnlyList<RouteHealth> GetProvider(string providerId) =>
        [.. GetSnapshot().Where(h => string.Equals(h.Provider, providerId, StringComparison.OrdinalIgnoreCase))];
}
