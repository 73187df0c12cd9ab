// Licensed under the MIT License. See LICENSE in the project root.
using BenchmarkDotNet.Configs;

namespace AssistantProviders.Benchmarks;

/// <summary>Adds the <see cref="ThroughputColumn"/> (MB/s) to a benchmark class.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}
