// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// Admits calls against a provider's requests-per-minute and tokens-per-minute limits, counted in fixed UTC minutes. The
/// engine asks the gate first and passes the limit in force as a plain value (configured, or lowered by the vendor's
/// <c>x-ratelimit-*</c> headers); when the gate answers <see cref="RateLimitDecision.Local"/>, the instance's own per-minute
/// limiter decides. The default gate always answers <see cref="RateLimitDecision.Local"/> (each instance counts alone); a
/// shared gate (Redis) counts the whole fleet.
/// </summary>
/// <remarks>
/// Implementations are thread-safe and atomic per window: however many callers (or instances) acquire at once, no more than
/// <see cref="RateLimitRequest.Limit"/> permits are admitted in one window. A rejection is local: it never counts as a
/// provider failure.
/// </remarks>
public interface IRateLimitGate
{
    /// <summary>Tries to take <see cref="RateLimitRequest.Permits"/> from the current window of the request's provider and limit.</summary>
    /// <param name="request">The provider, the limit and the permits wanted.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Admitted, rejected, or <see cref="RateLimitDecision.Local"/> (the gate does not decide, for example its store is unavailable and it fails open).</returns>
    ValueTask<RateLimitDecision> TryAcquireAsync(RateLimitRequest request, CancellationToken cancellationToken);
}
