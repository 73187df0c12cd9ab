// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>Mutable sums of one ledger bucket or of several added together. Guarded by its owner's lock.</summary>
internal sealed class UsageTotals
{
    public long Requests { get; private set; }

    public long Errors { get; private set; }

    public long Cancelled { get; private set; }

    public Dictionary<ProviderErrorKind, long> ErrorsByKind { get; } = [];

    public long InputTokens { get; private set; }

    public long CachedInputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    public decimal Cost { get; private set; }

    public long Unpriced { get; private set; }

    public void Add(UsageRecord r)
    {
        Requests++;
        if (r.Cancelled)
        {
            Cancelled++;
        }
        else if (r.Error is { } kind)
        {
            Errors++;
            ErrorsByKind[kind] = ErrorsByKind.GetValueOrDefault(kind) + 1;
        }

        InputTokens += Math.Max(0, r.InputTokens);
        CachedInputTokens += Math.Max(0, r.CachedInputTokens);
        OutputTokens += Math.Max(0, r.OutputTokens);
        if (r.Cost is { } cost)
        {
            Cost += Math.Max(0m, cost);
        }
        else
        {
            Unpriced++;
        }
    }

    /// <summary>Adds the counters of a bucket read from a store.</summary>
    /// <param name="bucket">The bucket.</param>
    public void Add(UsageBucket bucket)
    {
        Requests += bucket.Requests;
        Errors += bucket.Errors;
        Cancelled += bucket.Cancelled;
        foreach (var (kind, count) in bucket.ErrorsByKind)
        {
            ErrorsByKind[kind] = ErrorsByKind.GetValueOrDefault(kind) + count;
        }

        InputTokens += bucket.InputTokens;
        CachedInputTokens += bucket.CachedInputTokens;
        OutputTokens += bucket.OutputTokens;
        Cost += bucket.Cost;
        Unpriced += bucket.UnpricedRequests;
    }

    /// <summary>Copies these sums into an immutable bucket.</summary>
    /// <param name="periodStart">The period start, or <see langword="null"/> for all time.</param>
    /// <param name="provider">The provider id.</param>
    /// <param name="model">The model id.</param>
    /// <param name="tenant">The tenant key (empty for none).</param>
    /// <returns>The bucket.</returns>
    public UsageBucket ToBucket(DateTimeOffset? periodStart, string provider, string model, string tenant) => new()
    {
        PeriodStart = periodStart,
        ProviderId = provider,
        ModelId = model,
        Tenant = tenant,
        Requests = Requests,
        Errors = Errors,
        Cancelled = Cancelled,
        ErrorsByKind = new Dictionary<ProviderErrorKind, long>(ErrorsByKind),
        InputTokens = InputTokens,
        CachedInputTokens = CachedInputTokens,
        OutputTokens = OutputTokens,
        Cost = Cost,
        UnpricedRequests = Unpriced,
    };

    /// <summary>Builds the snapshot row of these sums (the one place every store's counters become a row).</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="model">The model id.</param>
    /// <param name="p50">The median latency, when known.</param>
    /// <param name="p95">The 95th percentile latency, when known.</param>
    /// <param name="ttft">The median time to first token, when known.</param>
    /// <returns>The row.</returns>
    public UsageSnapshotRow ToRow(string provider, string model, TimeSpan? p50, TimeSpan? p95, TimeSpan? ttft) => new()
    {
        ProviderId = provider,
        ModelId = model,
        Requests = Requests,
        Errors = Errors,
        Cancelled = Cancelled,
        ErrorsByKind = new Dictionary<ProviderErrorKind, long>(ErrorsByKind),
        InputTokens = InputTokens,
        CachedInputTokens = CachedInputTokens,
        OutputTokens = OutputTokens,
        Cost = Cost,
        UnpricedRequests = Unpriced,
        P50Latency = p50,
        P95Latency = p95,
        P50TimeToFirstToken = ttft,
    };
}
