// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// What a route's vendor last said about its rate-limit window (<see cref="ProviderRateLimits"/>): no requests left until a reset,
/// or fewer tokens left than a request needs. The router holds the route back until the reported reset.
/// </summary>
internal sealed class VendorRateLimitState
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _requestsResetAt;
    private long _remainingTokens;
    private DateTimeOffset? _tokensResetAt;
    private bool _requestsCapped;
    private bool _tokensCapped;

    /// <summary>
    /// Records a report received at <paramref name="now"/>. A report without a reset time cannot hold the route back, and a
    /// reported reset is capped by <paramref name="maxHold"/> (<c>Routing:MaxRetryAfter</c>), like a Retry-After
    /// (<see langword="null"/>: not capped; zero or less: a report never holds the route back).
    /// </summary>
    public void Observe(ProviderRateLimits limits, DateTimeOffset now, TimeSpan? maxHold = null)
    {
        lock (_gate)
        {
            if (limits.RemainingRequests is { } requests)
            {
                _requestsResetAt = requests == 0 && limits.ResetRequests is { } reset && reset > TimeSpan.Zero && maxHold is not { Ticks: <= 0 } ? now + Cap(reset, maxHold) : null;
                _requestsCapped = limits.ResetRequests is { } reported && maxHold is { } max && reported > max;
            }

            if (limits.RemainingTokens is { } tokens)
            {
                if (limits.ResetTokens is { } reset && reset > TimeSpan.Zero && maxHold is not { Ticks: <= 0 })
                {
                    _remainingTokens = tokens;
                    _tokensResetAt = now + Cap(reset, maxHold);
                    _tokensCapped = maxHold is { } max && reset > max;
                }
                else
                {
                    _tokensResetAt = null;
                }
            }
        }
    }

    /// <summary>
    /// Returns when the route may be tried again for a request of about <paramref name="tokens"/> tokens, or <see langword="null"/>
    /// when the vendor's last report leaves room. <paramref name="byTokens"/> tells which window is exhausted.
    /// </summary>
    public DateTimeOffset? BlockedUntil(long tokens, DateTimeOffset now, out bool byTokens) => BlockedUntil(tokens, now, out byTokens, out _);

    /// <summary>
    /// As <see cref="BlockedUntil(long, DateTimeOffset, out bool)"/>; <paramref name="capped"/> tells that the vendor reported a
    /// longer reset than the cap (a hold not worth waiting for).
    /// </summary>
    public DateTimeOffset? BlockedUntil(long tokens, DateTimeOffset now, out bool byTokens, out bool capped)
    {
        lock (_gate)
        {
            if (_requestsResetAt is { } requests)
            {
                if (requests > now)
                {
                    byTokens = false;
                    capped = _requestsCapped;
                    return requests;
                }

                _requestsResetAt = null;
            }

            if (_tokensResetAt is { } reset)
            {
                if (reset <= now)
                {
                    _tokensResetAt = null;
                }
                else if (_remainingTokens < Math.Max(1, tokens))
                {
                    byTokens = true;
                    capped = _tokensCapped;
                    return reset;
                }
            }

            byTokens = false;
            capped = false;
            return null;
        }
    }

    private static TimeSpan Cap(TimeSpan reset, TimeSpan? maxHold) => maxHold is { } max && reset > max ? max : reset;
}
