// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using AssistantProviders.Routing;

namespace AssistantProviders.Resilience;

/// <summary>Holds every route's state, shared by all routers; the public <see cref="IProviderHealth"/>.</summary>
internal sealed class ProviderHealthRegistry : IProviderHealth
{
    private readonly ConcurrentDictionary<string, RouteState> _routes = new(StringComparer.OrdinalIgnoreCase);

    public RouteState GetOrAdd(string operation, ProviderRuntime provider, string? model, Func<RouteState> create) =>
        _routes.GetOrAdd(operation + ":" + provider.Id + "/" + (model ?? string.Empty), static (_, factory) => factory(), create);

    /// <summary>Finds an existing route without building its key string (the per-request hot path), or <see langword="null"/>.</summary>
    public RouteState? TryGet(string operation, ProviderRuntime provider, string? model)
    {
        var id = provider.Id;
        var length = operation.Length + 1 + id.Length + 1 + (model?.Length ?? 0);
        if (length > 256)
        {
            return _routes.TryGetValue(operation + ":" + id + "/" + (model ?? string.Empty), out var found) ? found : null;
        }

        Span<char> key = stackalloc char[length];
        operation.AsSpan().CopyTo(key);
        key[operation.Length] = ':';
        id.AsSpan().CopyTo(key[(operation.Length + 1)..]);
        key[operation.Length + 1 + id.Length] = '/';
        model.AsSpan().CopyTo(key[(operation.Length + id.Length + 2)..]);
        return _routes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var existing) ? existing : null;
    }

    public IReadOnlyList<RouteHealth> GetSnapshot() =>
        [.. _routes.Values.Select(route => route.Snapshot()).OrderBy(h => h.Provider, StringComparer.Ordinal).ThenBy(h => h.Operation, StringComparer.Ordinal).ThenBy(h => h.Model, StringComparer.Ordinal)];

    public IReadOnlyList<RouteHealth> GetProvider(string providerId) =>
        [.. GetSnapshot().Where(h => string.Equals(h.Provider, providerId, StringComparison.OrdinalIgnoreCase))];
}
