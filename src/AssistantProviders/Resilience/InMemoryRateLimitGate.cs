// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// An <see cref="IRateLimitGate"/> in process memory: a fixed window per provider and limit on UTC minutes of the injected
/// clock, the same rule as the Redis gate, so several engines in one process (or tests) share one count. Never unavailable.
/// </summary>
internal sealed class InMemoryRateLimitGate : IRateLimitGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, RateLimitKind Kind), (DateTimeOffset Window, long Used)> _windows = [];
    private readonly TimeProvider _time;

    public InMemoryRateLimitGate(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc/>
    public ValueTask<RateLimitDecision> TryAcquireAsync(RateLimitRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.ProviderId);
        cancellationToken.ThrowIfCancellationRequested();
        var limit = Math.Max(1, request.Limit);
        var count = Math.Clamp(request.Permits, 1, limit);
        var ticks = _time.GetUtcNow().UtcTicks;
        var window = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var key = (request.ProviderId.ToLowerInvariant(), request.Kind);
        lock (_lock)
        {
            var used = _windows.TryGetValue(key, out var current) && current.Window == window ? current.Used : 0L;
            if (used + count > limit)
            {
                return ValueTask.FromResult(RateLimitDecision.Rejected);
            }

            _windows[key] = (window, used + count);
            return ValueTask.FromResult(RateLimitDecision.Admitted);
        }
    }
}
