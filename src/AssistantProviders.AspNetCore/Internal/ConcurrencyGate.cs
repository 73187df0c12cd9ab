// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Counts the requests in flight per tenant and refuses those beyond <see cref="GatewayOptions.MaxConcurrentRequestsPerKey"/>.</summary>
internal sealed class ConcurrencyGate
{
    private readonly IOptionsMonitor<GatewayOptions> _options;
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.Ordinal);

    public ConcurrencyGate(IOptionsMonitor<GatewayOptions> options)
    {
        _options = options;
    }

    /// <summary>
    /// Admits one request of <paramref name="tenant"/>. When it returns <see langword="true"/> with <paramref name="counted"/>
    /// set, the caller must call <see cref="Exit"/> once the request ends.
    /// </summary>
    public bool TryEnter(string tenant, out bool counted)
    {
        counted = false;
        var cap = _options.CurrentValue.MaxConcurrentRequestsPerKey;
        if (cap <= 0)
        {
            return true;
        }

        var box = _inFlight.GetOrAdd(tenant, static _ => new StrongBox<int>());
        if (Interlocked.Increment(ref box.Value) > cap)
        {
            Interlocked.Decrement(ref box.Value);
            return false;
        }

        counted = true;
        return true;
    }

    /// <summary>Ends a request admitted with <c>counted</c> set.</summary>
    public void Exit(string tenant)
    {
        if (_inFlight.TryGetValue(tenant, out var box))
        {
            Interlocked.Decrement(ref box.Value);
        }
    }
}
