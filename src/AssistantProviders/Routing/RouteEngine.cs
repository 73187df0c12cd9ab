// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Globalization;
using AssistantProviders.Accounting;
using AssistantProviders.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssistantProviders.Resilience;
using AssistantProviders.Security;

namespace AssistantProviders.Routing;

/// <summary>
/// The routing engine shared by the routers: knows the providers, builds a plan per request (filters, then an order) and
/// runs attempts with failover, retries, cooldowns, breakers, timeouts, rate limits and accounting.
/// </summary>
internal sealed partial class RouteEngine : IDisposable
{
    private readonly IServiceProvider _services;
    private readonly IOptionsMonitor<RoutingOptions> _options;
    private readonly ProviderHealthRegistry _health;
    private readonly ConcurrentDictionary<(string Operation, string Provider), object?> _clients = new();
    private readonly Lazy<IReadOnlyList<ProviderRuntime>> _providers;

    public RouteEngine(IServiceProvider services)
    {
        _services = services;
        _options = services.GetRequiredService<IOptionsMonitor<RoutingOptions>>();
        _health = services.GetRequiredService<ProviderHealthRegistry>();
        Time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Accounting = services.GetService<IRequestAccounting>() ?? NullRequestAccounting.Instance;
        RateLimits = new RateLimitAdmission(services.GetService<IRateLimitGate>());
        SharedHealth = services.GetService<ISharedRouteHealth>() ?? InProcessSharedRouteHealth.Instance;
        Random = services.GetService<RoutingRandom>() ?? new RoutingRandom();
        Logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger("AssistantProviders.Routing") ?? NullLogger.Instance;
        _providers = new Lazy<IReadOnlyList<ProviderRuntime>>(LoadProviders, LazyThreadSafetyMode.ExecutionAndPublication);
        Monitor = RouteMonitor.Create(services);
        Security = AssistantProviders.Security.RouteSecurity.Create(services);
    }

    /// <summary>Gets the rate-limit gate (in-process, or shared through Redis).</summary>
    public RateLimitAdmission RateLimits { get; }

    /// <summary>Gets the shared route health (nothing shared in-process; breaker and cooldown state with Redis).</summary>
    public ISharedRouteHealth SharedHealth { get; }

    /// <summary>Gets the monitoring hub (spans, metrics, audit).</summary>
    public RouteMonitor Monitor { get; }

    /// <summary>Gets the security checks (PII detection, tenant allow-lists).</summary>
    public AssistantProviders.Security.RouteSecurity Security { get; }

    public TimeProvider Time { get; }

    public IRequestAccounting Accounting { get; }

    public RoutingRandom Random { get; }

    public ILogger Logger { get; }

    public RoutingOptions Options => _options.CurrentValue;

    public IReadOnlyList<ProviderRuntime> Providers => _providers.Value;

    public void Dispose()
    {
        if (_providers.IsValueCreated)
        {
            foreach (var provider in _providers.Value)
            {
                provider.Dispose();
            }
        }
    }

    /// <summary>Filters and orders the routes for a request. <paramref name="clientType"/> is the keyed service type of the operation.</summary>
    public RoutePlan Plan(RequestProfile profile, Type clientType, string? pinnedModel = null)
    {
        var options = Options;
        var strategy = profile.Strategy ?? options.Strategy;
        profile.DataClass = Security.Classify(profile.Operation, profile.DataClass, profile.Input);
        var explanation = new RouteExplanation(profile.Operation, strategy, profile.RequestedModel) { Classification = profile.Classification };
        var raw = RawRoutes(profile, options, explanation);
        var eligible = new List<RouteCandidate>();
        var cooling = new List<(RouteCandidate Candidate, DateTimeOffset Until)>();
        var rule = ComplianceRuleFor(profile.DataClass, options);
        for (var i = 0; i < raw.Count; i++)
        {
            var (provider, model) = raw[i];
            var reason = Filter(profile, provider, model, rule, pinnedModel: null);
            if (reason is not null)
            {
                explanation.Add(new RouteDecision(provider.Id, model, false, reason));
                continue;
            }

            var client = GetClient(profile.Operation, clientType, provider);
            if (client is null)
            {
                explanation.Add(new RouteDecision(provider.Id, model, false, "skipped: provider has no " + profile.Operation + " client"));
                continue;
            }

            var state = GetState(profile.Operation, provider, model);
            var candidate = new RouteCandidate(provider, model, client, state, i);
            if (pinnedModel is not null && !string.Equals(ModelIdentity(provider, candidate.EffectiveModel), pinnedModel, StringComparison.OrdinalIgnoreCase))
            {
                explanation.Add(new RouteDecision(provider.Id, model, false, "skipped: embeddings of this store are pinned to " + pinnedModel));
                continue;
            }

            if ((state.OpenUntil ?? SharedHealth.GetOpenUntil(SharedHealthKey(state))) is { } open)
            {
                explanation.Add(new RouteDecision(provider.Id, model, false, "skipped: circuit open until " + open.ToString("O", CultureInfo.InvariantCulture)) { AvailableAt = open });
                continue;
            }

            if ((state.CooldownUntil ?? SharedHealth.GetCooldownUntil(SharedHealthKey(state))) is { } until)
            {
                cooling.Add((candidate, until));
                continue;
            }

            eligible.Add(candidate);
        }

        foreach (var (candidate, until) in cooling)
        {
            var keep = eligible.Count == 0;
            explanation.Add(new RouteDecision(candidate.Provider.Id, candidate.Model, keep, (keep ? "cooling down but kept (no other route) until " : "skipped: cooling down until ") + until.ToString("O", CultureInfo.InvariantCulture)) { AvailableAt = keep ? null : until });
            if (keep)
            {
                eligible.Add(candidate);
            }
        }

        var ordered = Order(eligible, profile, strategy, options, explanation);
        return new RoutePlan(profile, explanation, ordered, raw.Count);
    }

    /// <summary>Gets (creating on first use) the state of a route.</summary>
    public RouteState GetState(string operation, ProviderRuntime provider, string? model) =>
        _health.TryGet(operation, provider, model) ?? AddState(operation, provider, model);

    // Separate so the closure is only allocated when a route is created.
    private RouteState AddState(string operation, ProviderRuntime provider, string? model) =>
        _health.GetOrAdd(operation, provider, model, () => new RouteState(operation, provider, model, Options.CircuitBreaker, Time, OnBreakerChange));

    /// <summary>Finds a registered provider by id, or <see langword="null"/>.</summary>
    public ProviderRuntime? FindProvider(string id) =>
        Providers.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    internal static string? ReadString(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    internal static IReadOnlyList<string>? ReadList(object? value) => value switch
    {
        null => null,
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IEnumerable<string> list => [.. list],
        _ => null,
    };

    internal static RoutingStrategy? ReadStrategy(object? value) => value switch
    {
        RoutingStrategy strategy => strategy,
        string s when Enum.TryParse<RoutingStrategy>(s, ignoreCase: true, out var parsed) => parsed,
        _ => null,
    };

    private static ComplianceRule? ComplianceRuleFor(string? dataClass, RoutingOptions options) => AssistantProviders.Security.DataClassPolicy.RuleFor(dataClass, options.Compliance);

    private void OnBreakerChange(RouteState state, string transition)
    {
        Log.BreakerChanged(Logger, state.Name, state.Operation, transition);
        if (transition == "opened")
        {
            SharedHealth.ReportOpen(SharedHealthKey(state), state.OpenUntil ?? Time.GetUtcNow() + Options.CircuitBreaker.BreakDuration);
        }
    }

    /// <summary>The key under which a route's breaker and cooldown state is shared across instances.</summary>
    internal static string SharedHealthKey(RouteState state) => state.SharedKey;

    private object? GetClient(string operation, Type clientType, ProviderRuntime provider) =>
        _clients.TryGetValue((operation, provider.Id), out var cached) ? cached : CreateClient(operation, clientType, provider);

    private object? CreateClient(string operation, Type clientType, ProviderRuntime provider) =>
        _clients.GetOrAdd((operation, provider.Id), key =>
        {
            try
            {
                return _services is IKeyedServiceProvider keyed ? keyed.GetKeyedService(clientType, key.Provider) : null;
            }
#pragma warning disable CA1031 // A provider whose client cannot be built is skipped, never a crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ProviderNotConfigured(Logger, provider.Id, provider.Redact(ex.Message));
                return null;
            }
        });

    private IReadOnlyList<ProviderRuntime> LoadProviders()
    {
        if (_services.GetService<AssistantProvidersBuilder>() is { } builder)
        {
            foreach (var warning in builder.Warnings)
            {
                Log.DotEnvWarning(Logger, warning);
            }
        }

        var result = new List<ProviderRuntime>();
        var order = 0;
        foreach (var registration in _services.GetServices<ProviderRegistration>())
        {
            if (result.Any(p => string.Equals(p.Id, registration.Id, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            registration.Order = order++;
            ProviderClientOptions? providerOptions = null;
            string? reason;
            try
            {
                providerOptions = registration.GetOptions(_services);
                reason = !providerOptions.Enabled
                    ? "disabled in configuration (Enabled = false)"
                    : registration.Descriptor.RequiresApiKey && !providerOptions.HasApiKey
                        ? $"not configured: set {registration.Descriptor.ApiKeyEnvironmentVariable} or {registration.Descriptor.ApiKeyConfigPath}"
                        : null;
            }
#pragma warning disable CA1031 // Invalid provider options leave the provider out of routing; the app does not crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                reason = "not configured: " + SecretRedactor.Redact(ex.Message);
            }

            if (reason is not null)
            {
                Log.ProviderNotConfigured(Logger, registration.Id, reason);
            }

            result.Add(new ProviderRuntime(registration, providerOptions, reason, Time));
        }

        // Priority: configured Priority, else the order added (stable).
        return [.. result.OrderBy(p => p.SortKey).ThenBy(p => p.Order)];
    }
}
