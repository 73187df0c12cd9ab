// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>The counters of one usage bucket as an <see cref="IUsageStore"/> returns them: one provider, model and tenant in one period.</summary>
public sealed record UsageBucket
{
    /// <summary>Gets the period start (UTC), or <see langword="null"/> for an all-time bucket.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets the tenant key (empty: no tenant, and always empty in all-time buckets).</summary>
    public string Tenant { get; init; } = string.Empty;

    /// <summary>Gets the number of attempts (successes, errors and cancellations).</summary>
    public long Requests { get; init; }

    /// <summary>Gets the number of failed attempts (cancellations excluded).</summary>
    public long Errors { get; init; }

    /// <summary>Gets the number of cancelled attempts.</summary>
    public long Cancelled { get; init; }

    /// <summary>Gets the failed attempts by kind.</summary>
    public IReadOnlyDictionary<ProviderErrorKind, long> ErrorsByKind { get; init; } = new Dictionary<ProviderErrorKind, long>();

    /// <summary>Gets the input tokens (cached included).</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the input tokens read from the prompt cache.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the known cost in USD.</summary>
    public decimal Cost { get; init; }

    /// <summary>Gets the number of attempts whose cost is unknown (unpriced model).</summary>
    public long UnpricedRequests { get; init; }
}
