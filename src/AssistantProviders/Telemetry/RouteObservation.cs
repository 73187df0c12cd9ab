// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Internal;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Telemetry;

/// <summary>
/// Follows one routed request for every observer: the engine reports attempts, streamed content and the end; failures of
/// observers are logged and swallowed. <see cref="CompleteAsync"/> is idempotent, so the engine may call it on every exit path.
/// </summary>
internal sealed class RouteObservation
{
    private readonly RouteMonitor _monitor;
    private readonly List<IRequestObserver> _observers;
    private readonly List<RouteAttempt> _attempts = [];
    private readonly long _started;
    private readonly Lock _gate = new();
    private StringBuilder? _streamed;
    private RouteAttemptInfo? _served;
    private RouteAttemptResult? _servedResult;
    private int _completed;

    public RouteObservation(RouteMonitor monitor, List<IRequestObserver> observers)
    {
        _monitor = monitor;
        _observers = observers;
        _started = monitor.Time.GetTimestamp();
    }

    public IReadOnlyList<RouteAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>An attempt is about to be sent (call where the attempt's work runs, so its span is the current activity).</summary>
    public void AttemptStarted(AttemptScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        AttemptStarted(Info(scope));
    }

    public void AttemptStarted(RouteAttemptInfo attempt)
    {
        foreach (var observer in _observers)
        {
            Guard(observer, o => o.OnAttemptStart(attempt));
        }
    }

    /// <summary>An attempt ended: <paramref name="attempt"/> is the trail entry the engine recorded.</summary>
    public void AttemptEnded(AttemptScope scope, RouteAttempt attempt, Exception? error, UsageDetails? usage, string? responseModel = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        AttemptEnded(Info(scope), new RouteAttemptResult(attempt, usage, responseModel, scope.TimeToFirstToken, error));
    }

    public void AttemptEnded(RouteAttemptInfo info, RouteAttemptResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _attempts.Add(result.Attempt);
            if (result.Attempt.Outcome == RouteAttemptOutcome.Succeeded)
            {
                _served = info;
                _servedResult = result;
            }
        }

        foreach (var observer in _observers)
        {
            Guard(observer, o => o.OnAttemptEnd(info, result));
        }
    }

    /// <summary>Content of a streamed update that was exposed to the caller.</summary>
    public void Streamed(IEnumerable<AIContent>? contents)
    {
        if (contents is null)
        {
            return;
        }

        var list = contents as IReadOnlyCollection<AIContent> ?? [.. contents];
        lock (_gate)
        {
            foreach (var text in list.OfType<TextContent>())
            {
                (_streamed ??= new StringBuilder()).Append(text.Text);
            }
        }

        foreach (var observer in _observers)
        {
            Guard(observer, o => o.OnContent(list));
        }
    }

    /// <summary>Ends the request (once): <paramref name="output"/> is the response, or <paramref name="error"/> the exception surfaced.</summary>
    public async ValueTask CompleteAsync(object? output, Exception? error)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        RouteCompletion completion;
        lock (_gate)
        {
            completion = new RouteCompletion([.. _attempts], _served, _servedResult, output, _streamed?.ToString(), error, _monitor.Time.GetElapsedTime(_started));
        }

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnCompletedAsync(completion).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Monitoring never fails a request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                MonitoringLog.ObserverFailed(_monitor.Logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }

    private static RouteAttemptInfo Info(AttemptScope scope) =>
        new(scope.Number, scope.Candidate.Provider.Id, scope.Candidate.Model, scope.Candidate.EffectiveModel, scope.Candidate.Provider.IsLocal);

    private void Guard(IRequestObserver observer, Action<IRequestObserver> action)
    {
        try
        {
            action(observer);
        }
#pragma warning disable CA1031 // Monitoring never fails a request.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitoringLog.ObserverFailed(_monitor.Logger, observer.GetType().Name, ex.GetType().Name);
        }
    }
}
