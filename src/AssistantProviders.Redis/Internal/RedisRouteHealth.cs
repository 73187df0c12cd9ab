// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using StackExchange.Redis;
using AssistantProviders.Resilience;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// Open breakers and cooldowns shared through keys that expire with them. Each instance caches what it read for
/// <see cref="RedisOptions.RouteHealthRefresh"/>. When Redis is unreachable nothing is shared and each instance's own route
/// state applies (never an error).
/// </summary>
internal sealed class RedisRouteHealth : ISharedRouteHealth
{
    private const string Area = "route health";
    private const string Behavior = "each instance uses its own route state";

    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.OrdinalIgnoreCase);

    public RedisRouteHealth(RedisConnection redis, TimeProvider time)
    {
        _redis = redis;
        _time = time;
    }

    /// <inheritdoc/>
    public void ReportOpen(string route, DateTimeOffset until) => Publish(_redis.Keys.HealthOpen(route), route, until, open: true);

    /// <inheritdoc/>
    public void ReportCooldown(string route, DateTimeOffset until) => Publish(_redis.Keys.HealthCooldown(route), route, until, open: false);

    /// <inheritdoc/>
    public DateTimeOffset? GetOpenUntil(string route) => Future(Read(route).Open);

    /// <inheritdoc/>
    public DateTimeOffset? GetCooldownUntil(string route) => Future(Read(route).Cooldown);

    private DateTimeOffset? Future(DateTimeOffset? until) => until > _time.GetUtcNow() ? until : null;

    private Entry Read(string route)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(route, out var cached) && now - cached.FetchedAt < _redis.Options.RouteHealthRefresh)
        {
            return cached;
        }

        Entry entry;
        try
        {
            var values = _redis.Database.StringGet([_redis.Keys.HealthOpen(route), _redis.Keys.HealthCooldown(route)]);
            _redis.Succeeded();
            entry = new Entry(ToTime(values[0]), ToTime(values[1]), now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, Behavior, ex);
            entry = new Entry(null, null, now);
        }

        _cache[route] = entry;
        return entry;
    }

    private void Publish(RedisKey key, string route, DateTimeOffset until, bool open)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        var now = _time.GetUtcNow();
        var ttl = until - now;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        _cache.AddOrUpdate(
            route,
            _ => open ? new Entry(until, null, now) : new Entry(null, until, now),
            (_, e) => open ? e with { Open = Later(e.Open, until) } : e with { Cooldown = Later(e.Cooldown, until) });
        try
        {
            _redis.Database.ScriptEvaluate(RedisScripts.ExtendUntil, [key], [until.ToUnixTimeMilliseconds(), (long)Math.Ceiling(ttl.TotalMilliseconds)]);
            _redis.Succeeded();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _redis.Failed(Area, Behavior, ex);
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? current, DateTimeOffset until) => current is { } c && c > until ? c : until;

    private static DateTimeOffset? ToTime(RedisValue value) =>
        value.TryParse(out long ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private sealed record Entry(DateTimeOffset? Open, DateTimeOffset? Cooldown, DateTimeOffset FetchedAt);
}
