// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Resilience;

namespace AssistantProviders.Routing;

/// <summary>
/// One call to one route: a token linked to the caller's, the total / time-to-first-token / idle timers (on the
/// <see cref="TimeProvider"/>), the breaker lease and the accounting ticket.
/// </summary>
internal sealed class AttemptScope : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly TimeProvider _time;
    private readonly ITimer? _totalTimer;
    private readonly ITimer? _phaseTimer;
    private readonly TimeSpan? _idle;
    private readonly long _started;
    private readonly Lock _idleGate = new();
    private long _waitStarted;
    private bool _waiting;
    private bool _idleArmed;
    private string? _timedOut;
    private long? _firstUpdate;
    private int _completed;

    public AttemptScope(RouteCandidate candidate, int number, AccountingTicket ticket, BreakerLease lease, RoutingTimeoutOptions timeouts, bool streaming, TimeProvider time, CancellationToken callerToken)
    {
        Candidate = candidate;
        Number = number;
        Ticket = ticket;
        Lease = lease;
        _time = time;
        _started = time.GetTimestamp();
        _cts = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (timeouts.Total is { } total && total > TimeSpan.Zero)
        {
            _totalTimer = time.CreateTimer(static s => ((AttemptScope)s!).Fire("total"), this, total, Timeout.InfiniteTimeSpan);
        }

        if (streaming)
        {
            _idle = timeouts.IdleBetweenChunks is { } idle && idle > TimeSpan.Zero ? idle : null;
            if (timeouts.TimeToFirstToken is { } ttft && ttft > TimeSpan.Zero)
            {
                _phaseTimer = time.CreateTimer(static s => ((AttemptScope)s!).FirePhase(), this, ttft, Timeout.InfiniteTimeSpan);
            }
            else if (_idle is not null)
            {
                _phaseTimer = time.CreateTimer(static s => ((AttemptScope)s!).FirePhase(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        candidate.State.BeginCall();
    }

    public RouteCandidate Candidate { get; }

    public int Number { get; }

    public AccountingTicket Ticket { get; }

    public BreakerLease Lease { get; }

    public CancellationToken Token => _cts.Token;

    /// <summary>Gets which timeout fired (<c>total</c>, <c>time to first token</c>, <c>idle between chunks</c>), or <see langword="null"/>.</summary>
    public string? TimedOut => Volatile.Read(ref _timedOut);

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    public TimeSpan? TimeToFirstToken => _firstUpdate is { } first ? _time.GetElapsedTime(_started, first) : null;

    public bool HasUpdates => _firstUpdate is not null;

    /// <summary>
    /// Called when an update arrives: records the time to first token and pauses the idle clock while the caller reads it.
    /// The idle timer is not re-armed per chunk (that costs a timer-queue update per chunk): it stays armed and, when it
    /// fires, checks how long the router has really been waiting for the provider, re-arming for the remainder.
    /// </summary>
    public void OnUpdate()
    {
        if (_firstUpdate is null)
        {
            _firstUpdate = _time.GetTimestamp();
            _phaseTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        if (_idle is not null && _phaseTimer is not null)
        {
            lock (_idleGate)
            {
                _waiting = false;
            }
        }
    }

    /// <summary>Called before asking the provider for the next update: starts the idle clock.</summary>
    public void BeforeNext()
    {
        if (_firstUpdate is null || _idle is not { } idle || _phaseTimer is not { } timer)
        {
            return;
        }

        lock (_idleGate)
        {
            _waitStarted = _time.GetTimestamp();
            _waiting = true;
            if (!_idleArmed)
            {
                _idleArmed = true;
                timer.Change(idle, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Marks the attempt finished and records health; returns <see langword="false"/> when it already was.</summary>
    public bool Finish(bool? failure)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        Candidate.State.EndCall(failure, Elapsed, TimeToFirstToken);
        Lease.Complete(failure == true);
        return true;
    }

    public void Dispose()
    {
        Finish(null);
        _totalTimer?.Dispose();
        _phaseTimer?.Dispose();
        _cts.Dispose();
    }

    private void FirePhase()
    {
        if (_firstUpdate is null)
        {
            Fire("time to first token");
            return;
        }

        if (_idle is not { } idle)
        {
            return;
        }

        lock (_idleGate)
        {
            _idleArmed = false;
            if (!_waiting)
            {
                return; // The caller holds an update: the next BeforeNext re-arms.
            }

            var waited = _time.GetElapsedTime(_waitStarted);
            if (waited < idle)
            {
                _idleArmed = true;
                try
                {
                    _phaseTimer?.Change(idle - waited, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // The attempt already ended.
                }

                return;
            }
        }

        Fire("idle between chunks");
    }

    private void Fire(string which)
    {
        if (Interlocked.CompareExchange(ref _timedOut, which, null) is null)
        {
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt already ended.
            }
        }
    }
}
