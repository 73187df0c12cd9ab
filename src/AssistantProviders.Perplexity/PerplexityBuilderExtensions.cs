// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Perplexity;
using AssistantProviders.Perplexity.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Perplexity provider (provider id <c>perplexity</c>) to AssistantProviders.</summary>
public static class PerplexityBuilderExtensions
{
    /// <summary>Adds Perplexity with options from configuration and <c>PERPLEXITY_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPerplexity(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds Perplexity and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPerplexity(this IAssistantProvidersBuilder builder, Action<PerplexityClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds Perplexity with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Perplexity</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPerplexity(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<PerplexityClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, PerplexityProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = PerplexityProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new PerplexityChatClient(
                ProviderServiceRegistration.GetOptions<PerplexityClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(PerplexityChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<PerplexityChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<PerplexityChatClient>(key));
        });
}
