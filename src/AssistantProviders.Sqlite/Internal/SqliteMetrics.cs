// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>The SQLite instruments on the <c>AssistantProviders</c> meter.</summary>
internal sealed class SqliteMetrics : IDisposable
{
    /// <summary>The counter of switches from the file to memory (at most one per process and file).</summary>
    public const string UnavailableCounterName = "assistant_providers.sqlite.unavailable";

    private readonly Meter? _ownedMeter;

    public SqliteMetrics(IMeterFactory? meterFactory = null)
    {
        Meter meter;
        if (meterFactory is null)
        {
            _ownedMeter = new Meter("AssistantProviders");
            meter = _ownedMeter;
        }
        else
        {
            meter = meterFactory.Create(new MeterOptions("AssistantProviders"));
        }

        Unavailable = meter.CreateCounter<long>(UnavailableCounterName, unit: "{event}", description: "Times the SQLite store became unavailable and budgets and the ledger continued in memory.");
    }

    public Counter<long> Unavailable { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
