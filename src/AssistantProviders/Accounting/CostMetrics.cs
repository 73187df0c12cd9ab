// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;

namespace AssistantProviders.Accounting;

/// <summary>The cost instruments on the <c>AssistantProviders</c> meter.</summary>
internal sealed class CostMetrics : IDisposable
{
    /// <summary>The meter name shared by the whole engine.</summary>
    public const string MeterName = "AssistantProviders";

    /// <summary>The counter of calls whose model has no price.</summary>
    public const string UnpricedCounterName = "assistant_providers.cost.unpriced";

    private readonly Meter? _ownedMeter;

    public CostMetrics(IMeterFactory? meterFactory = null)
    {
        Meter meter;
        if (meterFactory is not null)
        {
            meter = meterFactory.Create(new MeterOptions(MeterName));
        }
        else
        {
            _ownedMeter = new Meter(MeterName);
            meter = _ownedMeter;
        }

        Meter = meter;
        Unpriced = meter.CreateCounter<long>(UnpricedCounterName, unit: "{request}", description: "Calls to a model missing from the price catalog (cost unknown).");
    }

    /// <summary>Gets the engine's one <c>AssistantProviders</c> meter, shared with the routing telemetry.</summary>
    public Meter Meter { get; }

    public Counter<long> Unpriced { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
