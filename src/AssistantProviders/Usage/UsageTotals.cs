// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>Mutable sums of one ledger bucket. Guarded by the ledger's lock.</summary>
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

    /// <summary>Sets the counters read back from a store (Redis hash, SQLite row) into a fresh instance.</summary>
    public void Restore(long requests, long errors, long cancelled, long inputTokens, long cachedInputTokens, long outputTokens, decimal cost, long unpriced)
    {
        Requests = requests;
        Errors = errors;
        Cancelled = cancelled;
        InputTokens = inputTokens;
        CachedInputTokens = cachedInputTokens;
        OutputTokens = outputTokens;
        Cost = cost;
        Unpriced = unpriced;
    }

    public void Add(UsageTotals other)
    {
        Requests += other.Requests;
        Errors += other.Errors;
        Cancelled += other.Cancelled;
        foreach (var (kind, count) in other.ErrorsByKind)
        {
            ErrorsByKind[kind] = ErrorsByKind.GetValueOrDefault(kind) + count;
        }

        InputTokens += other.InputTokens;
        CachedInputTokens += other.CachedInputTokens;
        OutputTokens += other.OutputTokens;
        Cost += other.Cost;
        Unpriced += other.Unpriced;
    }

    /// <summary>Builds the snapshot row of these sums (one place for the in-memory and the Redis ledger).</summary>
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
