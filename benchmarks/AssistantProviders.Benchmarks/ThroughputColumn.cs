// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// A summary column with the input throughput in MB/s (10^6 bytes per second): the bytes one operation parses, divided by the
/// measured mean time. The byte count comes from <see cref="SseParseBenchmarks.BytesPerOperation(string)"/>
/// , <see cref="SpeechBenchmarks.BytesPerOperation(string)"/> and <see cref="VectorSearchBenchmarks.BytesPerOperation(string)"/>.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input parsed per second: bytes per operation / mean time, in MB (10^6 bytes) per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var bytes = Math.Max(Math.Max(SseParseBenchmarks.BytesPerOperation(method), SpeechBenchmarks.BytesPerOperation(method)), Math.Max(VectorSearchBenchmarks.BytesPerOperation(method), WireStreamBenchmarks.BytesPerOperation(method)));
        if (mean is null or <= 0 || bytes <= 0)
        {
            return "-";
        }

        // mean is in nanoseconds: bytes / (mean * 1e-9 s) / 1e6 = bytes * 1000 / mean.
        return (bytes * 1000d / mean.Value).ToString("F1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
