// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;

namespace AssistantProviders.Redis.Internal;

/// <summary>The Redis instruments on the <c>AssistantProviders</c> meter.</summary>
internal sealed class RedisMetrics : IDisposable
{
    /// <summary>The counter of operations that could not reach Redis, tagged with the area and the behaviour applied.</summary>
    public const string FallbacksCounterName = "assistant_providers.redis.fallbacks";

    private readonly Meter? _ownedMeter;

    public RedisMetrics(IMeterFactory? meterFactory = null)
    {
        Meter meter;
        if (meterFactory is not null)
        {
            meter = meterFactory.Create(new MeterOptions("AssistantProviders"));
        }
        else
        {
            _ownedMeter = new Meter("AssistantProviders");
            meter = _ownedMeter;
        }

        Fallbacks = meter.CreateCounter<long>(FallbacksCounterName, unit: "{operation}", description: "Operations that could not reach Redis and fell back (fail open) or were refused (fail closed).");
    }

    public Counter<long> Fallbacks { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
