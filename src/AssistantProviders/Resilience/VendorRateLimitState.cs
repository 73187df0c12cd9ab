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

    /// <summary>Records a report received at <paramref name="now"/>. A report without a reset time cannot hold the route back.</summary>
    public void Observe(ProviderRateLimits limits, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (limits.RemainingRequests is { } requests)
            {
                _requestsResetAt = requests == 0 && limits.ResetRequests is { } reset && reset > TimeSpan.Zero ? now + reset : null;
            }

            if (limits.RemainingTokens is { } tokens)
            {
                if (limits.ResetTokens is { } reset && reset > TimeSpan.Zero)
                {
                    _remainingTokens = tokens;
                    _tokensResetAt = now + reset;
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
    public DateTimeOffset? BlockedUntil(long tokens, DateTimeOffset now, out bool byTokens)
    {
        lock (_gate)
        {
            if (_requestsResetAt is { } requests)
            {
                if (requests > now)
                {
                    byTokens = false;
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
                    return reset;
                }
            }

            byTokens = false;
            return null;
        }
    }
}
