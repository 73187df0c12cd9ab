// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Routing;

/// <summary>
/// The engine's monitoring hub: every <see cref="IRouteObserver"/> in DI: the built-in spans and metrics
/// (<c>Telemetry.RouteTelemetry</c>, registered first by <c>AddAssistantProviders</c>) and the audit log. The engine creates one and calls <c>Start</c> per request.
/// </summary>
internal sealed class RouteMonitor
{
    private readonly IRouteObserver[] _observers;
    private volatile SecretSet? _secrets;

    public RouteMonitor(IEnumerable<IRouteObserver> observers, TimeProvider time, ILogger logger)
    {
        _observers = [.. observers];
        Time = time;
        Logger = logger;
    }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public IReadOnlyList<IRouteObserver> Observers => _observers;

    /// <summary>Builds the monitor from the engine's services: the registered observers, in registration order.</summary>
    public static RouteMonitor Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger("AssistantProviders.Monitoring") ?? NullLogger.Instance;
        return new RouteMonitor(services.GetServices<IRouteObserver>(), time, logger);
    }

    /// <summary>Starts observing a request.</summary>
    /// <param name="plan">The request's plan.</param>
    /// <param name="input">The request's input (messages, texts), for the audit hashes; may be <see langword="null"/>.</param>
    public RouteObservation Start(RoutePlan plan, object? input = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var profile = plan.Profile;
        var info = new RouteRequestInfo(profile.Operation, profile.RequestedModel, plan.Explanation.Strategy, profile.DataClass, profile.Tenant, profile.Streaming, plan.Explanation, input)
        {
            Secrets = _observers.Length == 0 ? default : Secrets(plan),
        };
        return Start(info);
    }

    /// <summary>
    /// The configured keys of every provider in the plan (a response may echo any of them). Kept as the union over the
    /// providers seen so far (a superset only redacts more), so a request whose providers were all seen allocates nothing.
    /// </summary>
    private ApiKey?[] Secrets(RoutePlan plan)
    {
        var known = _secrets;
        var candidates = plan.Candidates;
        var missing = known is null;
        for (var i = 0; i < candidates.Count && !missing; i++)
        {
            missing = Array.IndexOf(known!.Providers, candidates[i].Provider) < 0;
        }

        if (!missing && known is not null)
        {
            return known.Keys;
        }

        var providers = new List<Resilience.ProviderRuntime>(known?.Providers ?? []);
        foreach (var candidate in plan.Candidates)
        {
            if (!providers.Contains(candidate.Provider))
            {
                providers.Add(candidate.Provider);
            }
        }

        var keys = new List<ApiKey?>();
        foreach (var provider in providers)
        {
            keys.AddRange(provider.Keys);
        }

        var set = new SecretSet([.. providers], [.. keys]);
        _secrets = set;
        return set.Keys;
    }

    /// <summary>Providers and the union of their keys.</summary>
    private sealed record SecretSet(Resilience.ProviderRuntime[] Providers, ApiKey?[] Keys);

    /// <summary>Starts observing a request described by <paramref name="info"/>.</summary>
    public RouteObservation Start(RouteRequestInfo info)
    {
        var started = new List<IRequestObserver>(_observers.Length);
        foreach (var observer in _observers)
        {
            try
            {
                if (observer.OnRequestStart(info) is { } request)
                {
                    started.Add(request);
                }
            }
#pragma warning disable CA1031 // Monitoring never fails a request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                MonitoringLog.ObserverFailed(Logger, observer.GetType().Name, ex.GetType().Name);
            }
        }

        return new RouteObservation(this, started);
    }
}
