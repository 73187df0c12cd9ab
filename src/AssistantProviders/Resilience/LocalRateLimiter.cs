// Licensed under the MIT License. See LICENSE in the project root.
using System.Threading.RateLimiting;

namespace AssistantProviders.Resilience;

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
    private long _used;

    public LocalRateLimiter(int permitsPerMinute, TimeProvider time)
    {
        Limit = Math.Max(1, permitsPerMinute);
        ConfiguredLimit = Limit;
        _time = time;
        _windowStart = time.GetUtcNow();
        _limiter = Create(Limit);
    }

    /// <summary>Gets the limit in force: the configured one, or a lower one a vendor reported (see <see cref="Adopt"/>).</summary>
    public int Limit { get; private set; }

    /// <summary>Gets the limit from configuration; an adopted limit never exceeds it.</summary>
    public int ConfiguredLimit { get; }

    /// <summary>Gets the start of the current window, to tell whether a later correction still falls in the window it charged.</summary>
    public DateTimeOffset WindowStart
    {
        get
        {
            Replenish();
            lock (_gate)
            {
                return _windowStart;
            }
        }
    }

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
            if (lease.IsAcquired)
            {
                _used += count;
            }

            return lease.IsAcquired;
        }
    }

    /// <summary>
    /// Adopts a vendor-reported limit: the limit in force becomes the lower of <paramref name="vendorLimit"/> and the configured
    /// one (so a later, higher report relaxes back up to configuration, never above). Permits already taken in the window stay taken.
    /// </summary>
    /// <returns><see langword="true"/> when the limit in force changed.</returns>
    public bool Adopt(long vendorLimit)
    {
        if (vendorLimit <= 0)
        {
            return false;
        }

        var limit = (int)Math.Min(vendorLimit, ConfiguredLimit);
        Replenish();
        lock (_gate)
        {
            if (limit == Limit)
            {
                return false;
            }

            Limit = limit;
            Rebuild();
            return true;
        }
    }

    /// <summary>
    /// Corrects the permits taken in the window: a positive <paramref name="delta"/> takes more (at most what is left in the window;
    /// the excess is not carried over), a negative one gives permits back, but only while still in <paramref name="chargedWindow"/>.
    /// </summary>
    /// <returns>The permits actually taken (positive) or given back (negative).</returns>
    public long Adjust(long delta, DateTimeOffset chargedWindow)
    {
        if (delta == 0)
        {
            return 0;
        }

        Replenish();
        lock (_gate)
        {
            if (delta > 0)
            {
                var take = (int)Math.Min(delta, Math.Max(0, Limit - _used));
                if (take > 0)
                {
                    using var lease = _limiter.AttemptAcquire(take);
                    if (!lease.IsAcquired)
                    {
                        return 0;
                    }

                    _used += take;
                }

                return take;
            }

            if (chargedWindow != _windowStart)
            {
                return 0; // The window that was charged has ended: nothing to give back.
            }

            var give = Math.Min(-delta, _used);
            if (give > 0)
            {
                _used -= give;
                Rebuild(); // FixedWindowRateLimiter cannot return permits: start a limiter that has the remaining ones taken.
            }

            return -give;
        }
    }

    public void Dispose() => _limiter.Dispose();

    private void Rebuild()
    {
        _limiter.Dispose();
        _limiter = Create(Limit);
        _used = Math.Min(_used, Limit);
        if (_used > 0)
        {
            using var lease = _limiter.AttemptAcquire((int)_used);
        }
    }

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
                _used = 0;
                var windows = (long)((now - _windowStart).Ticks / Window.Ticks);
                _windowStart += TimeSpan.FromTicks(windows * Window.Ticks);
            }
        }
    }
}
