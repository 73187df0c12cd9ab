// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AspNetCore.Internal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check backed by the router's view of provider health (breakers, cooldowns, disabled providers).</summary>
public static class GatewayHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds the <c>assistant-providers</c> health check: <see cref="HealthStatus.Healthy"/> while every known route is usable,
    /// <see cref="HealthStatus.Degraded"/> when some are cooling down, have their breaker open or their provider disabled (no key,
    /// key rejected), and <paramref name="failureStatus"/> when none is usable. Map it with <c>app.MapHealthChecks("/healthz")</c>.
    /// The data lists each route's state, never a key.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when no route is usable; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddAssistantProviders(this IHealthChecksBuilder builder, string name = "assistant-providers", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(name, static sp => new ProviderHealthCheck(sp), failureStatus, tags));
    }
}
