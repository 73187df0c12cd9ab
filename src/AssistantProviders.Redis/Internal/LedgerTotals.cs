// Licensed under the MIT License. See LICENSE in the project root.
using StackExchange.Redis;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>The sums of one ledger hash in Redis (or of several added together).</summary>
internal sealed class LedgerTotals
{
    public string Provider { get; private set; } = string.Empty;

    public string Model { get; private set; } = string.Empty;

    public string Tenant { get; private set; } = string.Empty;

    /// <summary>Gets the counters, in the engine's own totals type (shared with the in-memory ledger).</summary>
    public AssistantProviders.Usage.UsageTotals Totals { get; } = new();

    public static LedgerTotals FromHash(HashEntry[] entries)
    {
        var t = new LedgerTotals();
        long requests = 0, errors = 0, cancelled = 0, input = 0, cachedInput = 0, output = 0, costUnits = 0, unpriced = 0;
        foreach (var entry in entries)
        {
            var name = (string)entry.Name!;
            switch (name)
            {
                case "p": t.Provider = (string?)entry.Value ?? string.Empty; break;
                case "m": t.Model = (string?)entry.Value ?? string.Empty; break;
                case "t": t.Tenant = (string?)entry.Value ?? string.Empty; break;
                case "req": requests = (long)entry.Value; break;
                case "err": errors = (long)entry.Value; break;
                case "canc": cancelled = (long)entry.Value; break;
                case "in": input = (long)entry.Value; break;
                case "cin": cachedInput = (long)entry.Value; break;
                case "out": output = (long)entry.Value; break;
                case "cost": costUnits = (long)entry.Value; break;
                case "unpriced": unpriced = (long)entry.Value; break;
                default:
                    if (name.StartsWith("e:", StringComparison.Ordinal) && Enum.TryParse<ProviderErrorKind>(name.AsSpan(2), out var kind))
                    {
                        t.Totals.ErrorsByKind[kind] = (long)entry.Value;
                    }

                    break;
            }
        }

        t.Totals.Restore(requests, errors, cancelled, input, cachedInput, output, RedisMoney.ToUsd(costUnits), unpriced);
        return t;
    }
}
