// Licensed under the MIT License. See LICENSE in the project root.
using Polly;

namespace AssistantProviders.Resilience;

/// <summary>
/// An admission through a route's Polly circuit breaker that stays open for the whole attempt (a stream outlives any
/// single callback). Completing it reports the attempt's outcome to the breaker.
/// </summary>
internal sealed class BreakerLease
{
    private readonly TaskCompletionSource<Outcome<bool>> _outcome;
    private readonly Task<Outcome<bool>> _execution;

    public BreakerLease(TaskCompletionSource<Outcome<bool>> outcome, Task<Outcome<bool>> execution)
    {
        _outcome = outcome;
        _execution = execution;
    }

    /// <summary>Gets a task that completes once the breaker has counted the outcome.</summary>
    public Task Settled => _execution;

    /// <summary>Reports the outcome: <paramref name="failure"/> counts toward opening the breaker.</summary>
    public void Complete(bool failure)
    {
        if (_outcome.TrySetResult(Outcome.FromResult(!failure)))
        {
            if (_execution.IsCompleted)
            {
                _ = _execution.Exception; // Observed; the breaker has already counted the outcome.
                return;
            }

            _ = _execution.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
