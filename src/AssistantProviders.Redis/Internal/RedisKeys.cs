// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using StackExchange.Redis;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>Key names. Every key starts with the hash tag <c>{prefix}</c>, so multi-key scripts stay in one Cluster slot.</summary>
internal sealed class RedisKeys
{
    private readonly string _root;

    public RedisKeys(string? prefix)
    {
        var p = string.IsNullOrWhiteSpace(prefix) ? "assistantproviders" : prefix.Trim();
        _root = "{" + p.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal) + "}";
    }

    public string Root => _root;

    public RedisKey Budget(string name, DateTimeOffset periodStart) => $"{_root}:budget:{name}:{Unix(periodStart)}";

    public RedisKey BudgetReservations(string name, DateTimeOffset periodStart) => $"{_root}:budget:{name}:{Unix(periodStart)}:res";

    public RedisKey Settled(string reservationId) => $"{_root}:settled:{reservationId}";

    public RedisKey RateWindow(string providerId, string limitName, DateTimeOffset windowStart) => $"{_root}:rl:{providerId.ToLowerInvariant()}:{limitName}:{Unix(windowStart)}";

    public RedisKey LedgerBucket(UsagePeriod period, DateTimeOffset start, string provider, string model, string tenant) =>
        $"{_root}:ledger:{period}:{Unix(start)}:{provider}|{model}|{tenant}";

    public RedisKey LedgerAllTime(string provider, string model) => $"{_root}:ledger:all:{provider}|{model}";

    public RedisKey LedgerIndex(UsagePeriod period, DateTimeOffset start) => $"{_root}:ledger:idx:{period}:{Unix(start)}";

    public RedisKey LedgerIndexAllTime => $"{_root}:ledger:idx:all";

    public RedisKey LedgerRecord(string recordId) => $"{_root}:rec:{recordId}";

    public RedisKey HealthOpen(string route) => $"{_root}:health:open:{route}";

    public RedisKey HealthCooldown(string route) => $"{_root}:health:cool:{route}";

    public static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
