// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Cohere;
using AssistantProviders.Cohere.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Cohere provider (provider id <c>cohere</c>) to AssistantProviders.</summary>
public static class CohereBuilderExtensions
{
    /// <summary>Adds Cohere with options from configuration and <c>COHERE_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddCohere(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds Cohere and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddCohere(this IAssistantProvidersBuilder builder, Action<CohereClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds Cohere with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Cohere</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddCohere(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<CohereClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, CohereProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = CohereProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new CohereChatClient(
                ProviderServiceRegistration.GetOptions<CohereClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(CohereChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<CohereChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<CohereChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new CohereEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<CohereClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(CohereEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<CohereEmbeddingGenerator>(key));
            services.AddKeyedSingleton(id, (sp, _) => new CohereRerankClient(
                ProviderServiceRegistration.GetOptions<CohereClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(CohereRerankClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IRerankClient>(id, static (sp, key) => sp.GetRequiredKeyedService<CohereRerankClient>(key));
        });
}
