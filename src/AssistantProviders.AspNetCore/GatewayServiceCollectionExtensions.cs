// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AspNetCore;
using AssistantProviders.AspNetCore.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the AssistantProviders gateway (OpenAI-compatible endpoints over the routers) to a service collection.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>The configuration section the gateway options are bound from.</summary>
    public const string SectionName = "AssistantProviders:Gateway";

    /// <summary>
    /// Adds the gateway's services: <see cref="GatewayOptions"/> bound from <c>AssistantProviders:Gateway</c> and validated at
    /// start, the key ring and the per-key concurrency gate. Add the engine with <c>AddAssistantProviders(...)</c> and map the
    /// endpoints with <c>app.MapAssistantProvidersOpenAI("/v1")</c>. Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options after configuration binding.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAssistantProvidersGateway(this IServiceCollection services, Action<GatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<GatewayOptions>();
        if (!services.Any(static d => d.ServiceType == typeof(GatewayKeyRing)))
        {
            builder.BindConfiguration(SectionName);
            builder.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
            services.TryAddSingleton<GatewayKeyRing>();
            services.TryAddSingleton<ConcurrencyGate>();
        }

        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services;
    }
}
