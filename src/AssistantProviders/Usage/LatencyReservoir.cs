// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>The most recent latency and time-to-first-token samples of one provider and model (a ring). Guarded by its owner's lock.</summary>
internal sealed class LatencyReservoir
{
    public const int Capacity = 1024;

    private readonly (DateTimeOffset At, double LatencyMs, double? TtftMs)[] _samples = new (DateTimeOffset, double, double?)[Capacity];
    private int _count;
    private int _next;

    public void Add(DateTimeOffset at, TimeSpan latency, TimeSpan? ttft)
    {
        _samples[_next] = (at, Math.Max(0, latency.TotalMilliseconds), ttft is { } t ? Math.Max(0, t.TotalMilliseconds) : null);
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    /// <summary>Nearest-rank percentiles of the samples taken at or after <paramref name="since"/> and before <paramref name="until"/>.</summary>
    public (TimeSpan? P50, TimeSpan? P95, TimeSpan? TtftP50) Percentiles(DateTimeOffset? since, DateTimeOffset? until = null)
    {
        var latencies = new List<double>(_count);
        var ttfts = new List<double>();
        for (var i = 0; i < _count; i++)
        {
            var s = _samples[i];
            if ((since is { } from && s.At < from) || (until is { } to && s.At >= to))
            {
                continue;
            }

            latencies.Add(s.LatencyMs);
            if (s.TtftMs is { } t)
            {
                ttfts.Add(t);
            }
        }

        return (Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(ttfts, 0.50));
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the samples at or below it.</summary>
    public static TimeSpan? Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(p * values.Count);
        return TimeSpan.FromMilliseconds(values[Math.Clamp(rank - 1, 0, values.Count - 1)]);
    }
}
