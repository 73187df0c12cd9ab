// Licensed under the MIT License. See LICENSE in the project root.
using Polly;
using Polly.CircuitBreaker;
using AssistantProviders.Routing;

namespace AssistantProviders.Resilience;

/// <summary>The health of one route (operation, provider, model): Polly circuit breaker, cooldown, moving averages, in-flight count.</summary>
internal sealed class RouteState
{
    private const double Alpha = 0.3;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly CircuitBreakerStateProvider _breakerState = new();
    private readonly ResiliencePipeline<bool> _pipeline;
    private DateTimeOffset? _cooldownUntil;
    private DateTimeOffset? _openUntil;
    private bool _mayBeOpen;
    private double _latencyMs = double.NaN;
    private double _ttftMs = double.NaN;
    private double _errorRate;
    private long _calls;
    private int _inFlight;
    private string? _name;
    private string? _sharedKey;

    public RouteState(string operation, ProviderRuntime provider, string? model, RoutingCircuitBreakerOptions breaker, TimeProvider time, Action<RouteState, string>? onBreakerChange)
    {
        Operation = operation;
        Provider = provider;
        Model = model;
        _time = time;
        _pipeline = new ResiliencePipelineBuilder<bool> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<bool>
            {
                FailureRatio = Math.Clamp(breaker.FailureRatio, 0.01, 1.0),
                MinimumThroughput = Math.Max(2, breaker.MinimumThroughput),
                SamplingDuration = breaker.SamplingDuration < TimeSpan.FromSeconds(0.5) ? TimeSpan.FromSeconds(0.5) : breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration < TimeSpan.FromSeconds(0.5) ? TimeSpan.FromSeconds(0.5) : breaker.BreakDuration,
                StateProvider = _breakerState,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is null && !args.Outcome.Result),
                OnOpened = args =>
                {
                    lock (_gate)
                    {
                        _openUntil = _time.GetUtcNow() + args.BreakDuration;
                    }

                    Volatile.Write(ref _mayBeOpen, true);

                    onBreakerChange?.Invoke(this, "opened");
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    onBreakerChange?.Invoke(this, "half-open");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Volatile.Write(ref _mayBeOpen, false);
                    lock (_gate)
                    {
                        _openUntil = null;
                    }

                    onBreakerChange?.Invoke(this, "closed");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public string Operation { get; }

    public ProviderRuntime Provider { get; }

    public string? Model { get; }

    public string Name => _name ??= Provider.Id + "/" + (Model ?? "(default)");

    /// <summary>Gets the key under which this route's breaker and cooldown state is shared across instances.</summary>
    public string SharedKey => _sharedKey ??= Operation + ":" + Provider.Id + "/" + (Model ?? string.Empty);

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Gets what the vendor last reported about this route's rate-limit window.</summary>
    public VendorRateLimitState VendorLimits { get; } = new();

    /// <summary>Gets the end of the breaker's current break, while it is open.</summary>
    public DateTimeOffset? OpenUntil
    {
        get
        {
            // Fast path: a breaker that never opened (or closed again) is not open; no lock, and no read of Polly's state,
            // whose own lock the previous call may still hold while it counts its outcome.
            if (!Volatile.Read(ref _mayBeOpen))
            {
                return null;
            }

            lock (_gate)
            {
                return _breakerState.CircuitState == CircuitState.Open && _openUntil > _time.GetUtcNow() ? _openUntil : null;
            }
        }
    }

    public DateTimeOffset? CooldownUntil
    {
        get
        {
            lock (_gate)
            {
                return _cooldownUntil > _time.GetUtcNow() ? _cooldownUntil : null;
            }
        }
    }

    /// <summary>Gets the moving-average latency in milliseconds, preferring time to first token when asked and measured.</summary>
    public double Speed(bool preferTimeToFirstToken)
    {
        lock (_gate)
        {
            if (preferTimeToFirstToken && !double.IsNaN(_ttftMs))
            {
                return _ttftMs;
            }

            return double.IsNaN(_latencyMs) ? double.MaxValue : _latencyMs;
        }
    }

    public void StartCooldown(TimeSpan duration)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + duration;
            if (_cooldownUntil is null || until > _cooldownUntil)
            {
                _cooldownUntil = until;
            }
        }
    }

    /// <summary>Asks the breaker to admit one call. Returns <see langword="null"/> when it is open (or its one half-open probe is taken).</summary>
    public async ValueTask<BreakerLease?> TryEnterAsync()
    {
        var admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Completed inline so the breaker has counted the outcome before the router moves on.
        var outcome = new TaskCompletionSource<Outcome<bool>>();
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        var execution = RunAsync(context, admitted, outcome);
        // The breaker admits (or rejects) synchronously in the common case: only wait when it has not decided yet.
        if (!admitted.Task.IsCompleted && !execution.IsCompleted)
        {
            await Task.WhenAny(admitted.Task, execution).ConfigureAwait(false);
        }

        return admitted.Task.IsCompleted ? new BreakerLease(outcome, execution) : null;
    }

    public void BeginCall() => Interlocked.Increment(ref _inFlight);

    public void EndCall(bool? failure, TimeSpan latency, TimeSpan? timeToFirstToken)
    {
        Interlocked.Decrement(ref _inFlight);
        if (failure is null)
        {
            return;
        }

        lock (_gate)
        {
            _calls++;
            _errorRate = (Alpha * (failure.Value ? 1 : 0)) + ((1 - Alpha) * _errorRate);
            if (!failure.Value)
            {
                _latencyMs = Ewma(_latencyMs, latency.TotalMilliseconds);
                if (timeToFirstToken is { } ttft)
                {
                    _ttftMs = Ewma(_ttftMs, ttft.TotalMilliseconds);
                }
            }
        }
    }

    public RouteHealth Snapshot()
    {
        var circuit = Provider.DisabledReason is not null || Provider.InactiveReason is not null
            ? RouteCircuitState.Isolated
            : _breakerState.CircuitState switch
            {
                CircuitState.Open => RouteCircuitState.Open,
                CircuitState.HalfOpen => RouteCircuitState.HalfOpen,
                CircuitState.Isolated => RouteCircuitState.Isolated,
                _ => RouteCircuitState.Closed,
            };
        lock (_gate)
        {
            return new RouteHealth
            {
                Operation = Operation,
                Provider = Provider.Id,
                Model = Model,
                CircuitState = circuit,
                CooldownUntil = _cooldownUntil > _time.GetUtcNow() ? _cooldownUntil : null,
                AverageLatency = double.IsNaN(_latencyMs) ? null : TimeSpan.FromMilliseconds(_latencyMs),
                AverageTimeToFirstToken = double.IsNaN(_ttftMs) ? null : TimeSpan.FromMilliseconds(_ttftMs),
                ErrorRate = _errorRate,
                InFlight = InFlight,
                Calls = _calls,
                DisabledReason = Provider.InactiveReason ?? Provider.DisabledReason,
            };
        }
    }

    private static double Ewma(double current, double sample) => double.IsNaN(current) ? sample : (Alpha * sample) + ((1 - Alpha) * current);

    private async Task<Outcome<bool>> RunAsync(ResilienceContext context, TaskCompletionSource admitted, TaskCompletionSource<Outcome<bool>> outcome)
    {
        try
        {
            return await _pipeline.ExecuteOutcomeAsync(
                static (_, state) =>
                {
                    state.admitted.TrySetResult();
                    return new ValueTask<Outcome<bool>>(state.outcome.Task);
                },
                context,
                (admitted, outcome)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
