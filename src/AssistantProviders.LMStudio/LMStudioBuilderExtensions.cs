// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.LMStudio;
using AssistantProviders.LMStudio.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the LM Studio provider (provider id <c>lmstudio</c>) to AssistantProviders.</summary>
public static class LMStudioBuilderExtensions
{
    /// <summary>Adds LM Studio with options from configuration and <c>LMSTUDIO_BASE_URL</c> (no key needed).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLMStudio(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds LM Studio and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLMStudio(this IAssistantProvidersBuilder builder, Action<LMStudioClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds LM Studio with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:LMStudio</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLMStudio(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<LMStudioClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, LMStudioProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = LMStudioProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new LMStudioChatClient(
                ProviderServiceRegistration.GetOptions<LMStudioClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(LMStudioChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<LMStudioChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<LMStudioChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new LMStudioEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<LMStudioClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(LMStudioEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<LMStudioEmbeddingGenerator>(key));
        });
}
