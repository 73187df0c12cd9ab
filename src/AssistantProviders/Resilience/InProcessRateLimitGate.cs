// Licensed under the MIT License. See LICENSE in the project root.

namespace AssistantProviders.Resilience;

/// <summary>The default <see cref="IRateLimitGate"/>: it shares nothing, so each instance counts its own calls with the provider's <see cref="LocalRateLimiter"/>.</summary>
internal sealed class InProcessRateLimitGate : IRateLimitGate
{
    /// <summary>The shared instance.</summary>
    public static readonly InProcessRateLimitGate Instance = new();

    /// <inheritdoc/>
    public ValueTask<RateLimitDecision> TryAcquireAsync(RateLimitRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(RateLimitDecision.Local);
    }
}
