// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Commands;

/// <summary>The outcome of probing one provider.</summary>
internal sealed record ProbeResult(string Provider, ProbeStatus Status, string Detail, TimeSpan? Latency, int? Models, decimal? Cost);
