// Licensed under the MIT License. See LICENSE in the project root.

namespace AssistantProviders.Resilience;

/// <summary>The default <see cref="IRateLimitGate"/>: each instance counts its own calls with the provider's <see cref="LocalRateLimiter"/>.</summary>
internal sealed class InProcessRateLimitGate : IRateLimitGate
{
    /// <summary>The shared instance.</summary>
    public static readonly InProcessRateLimitGate Instance = new();

    /// <inheritdoc/>
    public ValueTask<bool> TryAcquireAsync(string providerId, string limitName, LocalRateLimiter local, long permits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(local.TryAcquire(permits));
    }
}
