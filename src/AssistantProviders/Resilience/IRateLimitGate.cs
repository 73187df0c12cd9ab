// Licensed under the MIT License. See LICENSE in the project root.

namespace AssistantProviders.Resilience;

/// <summary>
/// Admits calls against a provider's requests-per-minute and tokens-per-minute limits. The default
/// (<see cref="InProcessRateLimitGate"/>) uses the provider's own <see cref="LocalRateLimiter"/>; a shared gate (Redis) counts
/// the whole fleet and falls back to the local limiter when its store is unavailable.
/// </summary>
internal interface IRateLimitGate
{
    /// <summary>Tries to take <paramref name="permits"/> from the window of <paramref name="providerId"/>'s <paramref name="limitName"/> limit.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="limitName"><c>rpm</c> (requests) or <c>tpm</c> (tokens).</param>
    /// <param name="local">The provider's in-process limiter: its <see cref="LocalRateLimiter.Limit"/> is the limit, and it is the fallback.</param>
    /// <param name="permits">The permits wanted (clamped to 1..limit).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when admitted.</returns>
    ValueTask<bool> TryAcquireAsync(string providerId, string limitName, LocalRateLimiter local, long permits, CancellationToken cancellationToken);
}
