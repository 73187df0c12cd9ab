// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// Scale-out through Redis, bound from <c>AssistantProviders:Redis</c>. The connection string falls back to the
/// <c>REDIS_URL</c> environment variable (or <c>.env</c>). Budgets, rate limits, the usage ledger and route health can each be
/// shared or kept in process.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>
    /// Gets or sets the connection: a StackExchange.Redis configuration string (<c>localhost:6379,password=…</c>) or a URL
    /// (<c>redis://user:password@host:6379/0</c>, <c>rediss://</c> for TLS). Never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the prefix of every key. Apps sharing one Redis but not their budgets use different prefixes. All keys carry
    /// the hash tag <c>{prefix}</c>, so on Redis Cluster they live in one slot (the scripts touch several keys at once). Default <c>assistantproviders</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "assistantproviders";

    /// <summary>Gets or sets a value indicating whether budgets are shared (reserve, settle and release are atomic Lua scripts). Default <see langword="true"/>.</summary>
    public bool ShareBudgets { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether per-provider requests- and tokens-per-minute limits are shared. Default <see langword="true"/>.</summary>
    public bool ShareRateLimits { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the usage ledger's counters are shared, so <c>IUsageLedger.Snapshot()</c> shows the fleet. Default <see langword="true"/>.</summary>
    public bool ShareLedger { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether open breakers and cooldowns are shared with short TTLs. Default <see langword="true"/>.</summary>
    public bool ShareRouteHealth { get; set; } = true;

    /// <summary>Gets or sets what budgets do while Redis is unreachable. Default <see cref="RedisUnavailableBehavior.FailClosed"/>: paid calls are refused.</summary>
    public RedisUnavailableBehavior OnStoreUnavailable { get; set; } = RedisUnavailableBehavior.FailClosed;

    /// <summary>Gets or sets what rate limits do while Redis is unreachable. Default <see cref="RedisUnavailableBehavior.FailOpen"/>: each instance applies the limits alone.</summary>
    public RedisUnavailableBehavior OnRateLimitStoreUnavailable { get; set; } = RedisUnavailableBehavior.FailOpen;

    /// <summary>
    /// Gets or sets how long a reservation may stay unsettled before it no longer holds budget (an instance that crashed
    /// mid-call). Default 1 hour; make it longer than your longest call.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long an instance trusts its cached copy of the shared route health before reading it again. Default 1 second.</summary>
    public TimeSpan RouteHealthRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the connect timeout. Default 2 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the timeout of one Redis operation. Default 1 second.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
