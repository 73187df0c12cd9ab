// Licensed under the MIT License. See LICENSE in the project root.
using StackExchange.Redis;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>Reads one ledger hash in Redis (fields written by <see cref="RedisScripts.Record"/>) into the engine's <see cref="UsageBucket"/>.</summary>
internal static class LedgerHash
{
    public static UsageBucket ToBucket(HashEntry[] entries, DateTimeOffset? periodStart)
    {
        string provider = string.Empty, model = string.Empty, tenant = string.Empty;
        long requests = 0, errors = 0, cancelled = 0, input = 0, cachedInput = 0, output = 0, costUnits = 0, unpriced = 0;
        var byKind = new Dictionary<ProviderErrorKind, long>();
        foreach (var entry in entries)
        {
            var name = (string)entry.Name!;
            switch (name)
            {
                case "p": provider = (string?)entry.Value ?? string.Empty; break;
                case "m": model = (string?)entry.Value ?? string.Empty; break;
                case "t": tenant = (string?)entry.Value ?? string.Empty; break;
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
                        byKind[kind] = (long)entry.Value;
                    }

                    break;
            }
        }

        return new UsageBucket
        {
            PeriodStart = periodStart,
            ProviderId = provider,
            ModelId = model,
            Tenant = periodStart is null ? string.Empty : tenant,
            Requests = requests,
            Errors = errors,
            Cancelled = cancelled,
            ErrorsByKind = byKind,
            InputTokens = input,
            CachedInputTokens = cachedInput,
            OutputTokens = output,
            Cost = RedisMoney.ToUsd(costUnits),
            UnpricedRequests = unpriced,
        };
    }
}
