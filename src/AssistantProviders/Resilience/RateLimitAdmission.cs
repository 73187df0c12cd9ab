// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// How the engine admits a call against a provider's limit: the registered <see cref="IRateLimitGate"/> decides with the
/// limit in force as a plain value, and the provider's <see cref="LocalRateLimiter"/> decides when the gate answers
/// <see cref="RateLimitDecision.Local"/> (the default gate, or a shared one that fails open while its store is down).
/// </summary>
internal sealed class RateLimitAdmission
{
    private readonly IRateLimitGate _gate;

    public RateLimitAdmission(IRateLimitGate? gate) => _gate = gate ?? InProcessRateLimitGate.Instance;

    /// <summary>Gets the gate asked first.</summary>
    public IRateLimitGate Gate => _gate;

    /// <summary>Tries to take <paramref name="permits"/> from <paramref name="providerId"/>'s <paramref name="kind"/> limit.</summary>
    /// <returns><see langword="true"/> when admitted.</returns>
    public async ValueTask<bool> TryAcquireAsync(string providerId, RateLimitKind kind, LocalRateLimiter local, long permits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (ReferenceEquals(_gate, InProcessRateLimitGate.Instance))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return local.TryAcquire(permits);
        }

        var decision = await _gate.TryAcquireAsync(new RateLimitRequest(providerId, kind, Math.Max(1, local.Limit), permits), cancellationToken).ConfigureAwait(false);
        return decision switch
        {
            RateLimitDecision.Admitted => true,
            RateLimitDecision.Rejected => false,
            _ => local.TryAcquire(permits),
        };
    }
}
