// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Fireworks;
using AssistantProviders.Fireworks.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Fireworks provider (provider id <c>fireworks</c>) to AssistantProviders.</summary>
public static class FireworksBuilderExtensions
{
    /// <summary>Adds Fireworks with options from configuration and <c>FIREWORKS_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddFireworks(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds Fireworks and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddFireworks(this IAssistantProvidersBuilder builder, Action<FireworksClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds Fireworks with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Fireworks</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddFireworks(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<FireworksClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, FireworksProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = FireworksProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new FireworksChatClient(
                ProviderServiceRegistration.GetOptions<FireworksClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(FireworksChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<FireworksChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<FireworksChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new FireworksEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<FireworksClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(FireworksEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<FireworksEmbeddingGenerator>(key));
        });
}
