// Licensed under the MIT License. See LICENSE in the project root.
using StackExchange.Redis;

namespace AssistantProviders.Redis.Internal;

/// <summary>The sums of one ledger hash in Redis (or of several added together).</summary>
internal sealed class LedgerTotals
{
    public string Provider { get; private set; } = string.Empty;

    public string Model { get; private set; } = string.Empty;

    public string Tenant { get; private set; } = string.Empty;

    public long Requests { get; private set; }

    public long Errors { get; private set; }

    public long Cancelled { get; private set; }

    public Dictionary<ProviderErrorKind, long> ErrorsByKind { get; } = [];

    public long InputTokens { get; private set; }

    public long CachedInputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    public long CostUnits { get; private set; }

    public long Unpriced { get; private set; }

    public decimal Cost => RedisMoney.ToUsd(CostUnits);

    public static LedgerTotals FromHash(HashEntry[] entries)
    {
        var t = new LedgerTotals();
        foreach (var entry in entries)
        {
            var name = (string)entry.Name!;
            switch (name)
            {
                case "p": t.Provider = (string?)entry.Value ?? string.Empty; break;
                case "m": t.Model = (string?)entry.Value ?? string.Empty; break;
                case "t": t.Tenant = (string?)entry.Value ?? string.Empty; break;
                case "req": t.Requests = (long)entry.Value; break;
                case "err": t.Errors = (long)entry.Value; break;
                case "canc": t.Cancelled = (long)entry.Value; break;
                case "in": t.InputTokens = (long)entry.Value; break;
                case "cin": t.CachedInputTokens = (long)entry.Value; break;
                case "out": t.OutputTokens = (long)entry.Value; break;
                case "cost": t.CostUnits = (long)entry.Value; break;
                case "unpriced": t.Unpriced = (long)entry.Value; break;
                default:
                    if (name.StartsWith("e:", StringComparison.Ordinal) && Enum.TryParse<ProviderErrorKind>(name.AsSpan(2), out var kind))
                    {
                        t.ErrorsByKind[kind] = (long)entry.Value;
                    }

                    break;
            }
        }

        return t;
    }

    public void Add(LedgerTotals other)
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
        CostUnits += other.CostUnits;
        Unpriced += other.Unpriced;
    }
}
