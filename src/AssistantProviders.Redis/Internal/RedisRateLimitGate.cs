// Licensed under the MIT License. See LICENSE in the project root.
using StackExchange.Redis;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// Per-provider requests- and tokens-per-minute shared by every instance: a fixed one-minute window (UTC minutes, like the
/// in-process limiter's window) counted by a Lua script. While Redis is unreachable it applies
/// <see cref="RedisOptions.OnRateLimitStoreUnavailable"/>: <see cref="RateLimitDecision.Local"/>, so the instance's own limiter decides (fail open, default), or a refusal.
/// </summary>
internal sealed class RedisRateLimitGate : IRateLimitGate
{
    private const string Area = "rate limits";
    private const long WindowTtlMs = 120_000;

    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;

    public RedisRateLimitGate(RedisConnection redis, TimeProvider time)
    {
        _redis = redis;
        _time = time;
    }

    private bool FailOpen => _redis.Options.OnRateLimitStoreUnavailable == RedisUnavailableBehavior.FailOpen;

    /// <inheritdoc/>
    public async ValueTask<RateLimitDecision> TryAcquireAsync(RateLimitRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.ProviderId);
        cancellationToken.ThrowIfCancellationRequested();
        var limit = Math.Max(1, request.Limit);
        var count = Math.Clamp(request.Permits, 1, limit);
        var window = UsagePeriods.Start(UsagePeriod.Minute, _time.GetUtcNow());
        var limitName = request.Kind == RateLimitKind.Tokens ? "tpm" : "rpm";
        RedisResult result;
        try
        {
            result = await (await _redis.GetDatabaseAsync().ConfigureAwait(false)).ScriptEvaluateAsync(
                RedisScripts.RateLimit,
                [_redis.Keys.RateWindow(request.ProviderId, limitName, window)],
                [count, limit, WindowTtlMs]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (FailOpen)
            {
                _redis.Failed(Area, "each instance applies the limits alone (FailOpen)", ex);
                return RateLimitDecision.Local;
            }

            _redis.Failed(Area, "calls are refused (FailClosed)", ex);
            return RateLimitDecision.Rejected;
        }

        _redis.Succeeded();
        return (long)result == 1 ? RateLimitDecision.Admitted : RateLimitDecision.Rejected;
    }
}
