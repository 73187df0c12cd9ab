// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Health from <see cref="IProviderHealth"/>: a route is usable unless it cools down, its breaker is open or isolated, or its provider is disabled.</summary>
internal sealed class ProviderHealthCheck : IHealthCheck
{
    private readonly IServiceProvider _services;

    public ProviderHealthCheck(IServiceProvider services)
    {
        _services = services;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_services.GetService(typeof(IProviderHealth)) is not IProviderHealth health)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The AssistantProviders engine is not registered (AddAssistantProviders)."));
        }

        var now = GatewayPipeline.TimeProviderOf(_services).GetUtcNow();
        var routes = health.GetSnapshot();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var down = 0;
        foreach (var route in routes)
        {
            var state = route.DisabledReason is not null ? "disabled"
                : route.CircuitState is RouteCircuitState.Open or RouteCircuitState.Isolated ? "circuit " + route.CircuitState.ToString().ToLowerInvariant()
                : route.CooldownUntil is { } until && until > now ? "cooling down"
                : "ok";
            if (state != "ok")
            {
                down++;
            }

            data[route.Operation + " " + route.Provider + "/" + (route.Model ?? "(default)")] = state;
        }

        var result = routes.Count == 0 ? HealthCheckResult.Healthy("No route has been used yet.", data)
            : down == 0 ? HealthCheckResult.Healthy(routes.Count + " routes usable.", data)
            : down < routes.Count ? HealthCheckResult.Degraded(down + " of " + routes.Count + " routes unusable.", data: data)
            : new HealthCheckResult(context.Registration.FailureStatus, "No route is usable.", data: data);
        return Task.FromResult(result);
    }
}
