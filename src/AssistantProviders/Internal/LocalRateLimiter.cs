// Licensed under the MIT License. See LICENSE in the project root.
using System.Threading.RateLimiting;

namespace AssistantProviders.Internal;

/// <summary>
/// A per-minute fixed window (System.Threading.RateLimiting) replenished from a <see cref="TimeProvider"/>, so tests can drive it.
/// A rejection is local: it never counts as a provider failure.
/// </summary>
internal sealed class LocalRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private FixedWindowRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart;

    public LocalRateLimiter(int permitsPerMinute, TimeProvider time)
    {
        Limit = Math.Max(1, permitsPerMinute);
        _time = time;
        _windowStart = time.GetUtcNow();
        _limiter = Create(Limit);
    }

    public int Limit { get; }

    /// <summary>Gets the time until the current window ends.</summary>
    public TimeSpan UntilNextWindow
    {
        get
        {
            lock (_gate)
            {
                var left = _windowStart + Window - _time.GetUtcNow();
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }
    }

    public bool TryAcquire(long permits)
    {
        Replenish();
        var count = (int)Math.Clamp(permits, 1, Limit);
        lock (_gate)
        {
            using var lease = _limiter.AttemptAcquire(count);
            return lease.IsAcquired;
        }
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiter Create(int limit) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = limit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    private void Replenish()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _windowStart >= Window)
            {
                // A new window on the injected clock: start a fresh limiter (TryReplenish follows the real clock).
                _limiter.Dispose();
                _limiter = Create(Limit);
                var windows = (long)((now - _windowStart).Ticks / Window.Ticks);
                _windowStart += TimeSpan.FromTicks(windows * Window.Ticks);
            }
        }
    }
}
