// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Gemini;
using AssistantProviders.Gemini.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Google Gemini provider (provider id <c>gemini</c>) to AssistantProviders.</summary>
public static class GeminiBuilderExtensions
{
    /// <summary>Adds Gemini with options from configuration and <c>GEMINI_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGemini(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds Gemini and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGemini(this IAssistantProvidersBuilder builder, Action<GeminiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds Gemini with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Gemini</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGemini(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<GeminiClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, GeminiProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = GeminiProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new GeminiChatClient(
                ProviderServiceRegistration.GetOptions<GeminiClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(GeminiChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<GeminiChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<GeminiChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new GeminiEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<GeminiClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(GeminiEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<GeminiEmbeddingGenerator>(key));
        });
}
