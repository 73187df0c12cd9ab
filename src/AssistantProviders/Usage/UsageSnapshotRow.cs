// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>Usage of one provider and model in a <see cref="UsageSnapshot"/>.</summary>
public sealed class UsageSnapshotRow
{
    /// <summary>Gets the provider id.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets the number of attempts (successes, errors and cancellations).</summary>
    public long Requests { get; init; }

    /// <summary>Gets the number of failed attempts.</summary>
    public long Errors { get; init; }

    /// <summary>Gets the number of cancelled attempts.</summary>
    public long Cancelled { get; init; }

    /// <summary>Gets the failed attempts divided by all attempts (0 when none).</summary>
    public double ErrorRate => Requests == 0 ? 0d : (double)Errors / Requests;

    /// <summary>Gets the failed attempts by kind.</summary>
    public IReadOnlyDictionary<ProviderErrorKind, long> ErrorsByKind { get; init; } = new Dictionary<ProviderErrorKind, long>();

    /// <summary>Gets the input tokens.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the cached input tokens.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the known cost in USD.</summary>
    public decimal Cost { get; init; }

    /// <summary>Gets the number of attempts whose cost is unknown (unpriced model).</summary>
    public long UnpricedRequests { get; init; }

    /// <summary>Gets the median latency of the recent attempts (last 1024), or <see langword="null"/> when none.</summary>
    public TimeSpan? P50Latency { get; init; }

    /// <summary>Gets the 95th percentile latency of the recent attempts (last 1024), or <see langword="null"/> when none.</summary>
    public TimeSpan? P95Latency { get; init; }

    /// <summary>Gets the median time to first token of recent streamed attempts, or <see langword="null"/> when none.</summary>
    public TimeSpan? P50TimeToFirstToken { get; init; }
}
