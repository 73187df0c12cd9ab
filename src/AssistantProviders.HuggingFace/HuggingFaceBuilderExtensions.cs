// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.HuggingFace;
using AssistantProviders.HuggingFace.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the HuggingFace provider (provider id <c>huggingface</c>) to AssistantProviders.</summary>
public static class HuggingFaceBuilderExtensions
{
    /// <summary>Adds HuggingFace with options from configuration and <c>HF_TOKEN</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddHuggingFace(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds HuggingFace and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddHuggingFace(this IAssistantProvidersBuilder builder, Action<HuggingFaceClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds HuggingFace with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:HuggingFace</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddHuggingFace(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<HuggingFaceClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, HuggingFaceProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = HuggingFaceProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new HuggingFaceChatClient(
                ProviderServiceRegistration.GetOptions<HuggingFaceClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(HuggingFaceChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<HuggingFaceChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<HuggingFaceChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new HuggingFaceEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<HuggingFaceClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(HuggingFaceEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<HuggingFaceEmbeddingGenerator>(key));
        });
}
