// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// Follows one routed request for every observer: the engine reports attempts, streamed content and the end; failures of
/// observers are logged and swallowed. <see cref="CompleteAsync"/> is idempotent, so the engine may call it on every exit path.
/// </summary>
internal sealed class RouteObservation
{
    private readonly RouteMonitor _monitor;
    private readonly List<IRequestObserver> _observers;
    private readonly List<RouteAttempt> _attempts = new(1);
    private readonly IRequestObserver[]? _contentObservers;
    private readonly bool _collectText;
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
        List<IRequestObserver>? content = null;
        foreach (var observer in observers)
        {
            _collectText |= Safe(observer, static o => o.NeedsStreamedText, false);
            if (Safe(observer, static o => o.ObservesContent, true))
            {
                (content ??= []).Add(observer);
            }
        }

        _contentObservers = content?.ToArray();
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
            try
            {
                observer.OnAttemptStart(attempt);
            }
#pragma warning disable CA1031 // Monitoring never fails a request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                MonitoringLog.ObserverFailed(_monitor.Logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }

    /// <summary>An attempt ended: <paramref name="attempt"/> is the trail entry the engine recorded.</summary>
    public void AttemptEnded(AttemptScope scope, RouteAttempt attempt, Exception? error, UsageDetails? usage, string? responseModel = null)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // Vendor strings and counts are untrusted: an echoed key never reaches a span, metric or audit record, and a negative
        // token count is exported as 0 (and logged), never as sent.
        var provider = scope.Candidate.Provider;
        var model = responseModel is null ? null : provider.Redact(responseModel);
        var clean = VendorUsage.Clamp(usage, scope.Candidate.Name, _monitor.Logger);
        AttemptEnded(Info(scope), new RouteAttemptResult(attempt, clean, model, scope.TimeToFirstToken, error));
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
            try
            {
                observer.OnAttemptEnd(info, result);
            }
#pragma warning disable CA1031 // Monitoring never fails a request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                MonitoringLog.ObserverFailed(_monitor.Logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }

    /// <summary>Content of a streamed update that was exposed to the caller.</summary>
    public void Streamed(IEnumerable<AIContent>? contents)
    {
        // Per-chunk hot path: nothing is collected unless an observer asked for the text or the content.
        if (contents is null || (!_collectText && _contentObservers is null))
        {
            return;
        }

        var list = contents as IReadOnlyCollection<AIContent> ?? [.. contents];
        if (_collectText)
        {
            lock (_gate)
            {
                foreach (var item in list)
                {
                    if (item is TextContent text)
                    {
                        (_streamed ??= new StringBuilder()).Append(text.Text);
                    }
                }
            }
        }

        if (_contentObservers is { } observers)
        {
            foreach (var observer in observers)
            {
                try
                {
                    observer.OnContent(list);
                }
#pragma warning disable CA1031 // Monitoring never fails a request.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    MonitoringLog.ObserverFailed(_monitor.Logger, observer.GetType().Name, ex.GetType().Name);
                }
            }
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

    private T Safe<T>(IRequestObserver observer, Func<IRequestObserver, T> read, T fallback)
    {
        try
        {
            return read(observer);
        }
#pragma warning disable CA1031 // Monitoring never fails a request.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitoringLog.ObserverFailed(_monitor.Logger, observer.GetType().Name, ex.GetType().Name);
            return fallback;
        }
    }
}
