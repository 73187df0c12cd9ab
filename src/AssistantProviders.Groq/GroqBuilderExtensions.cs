// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Groq;
using AssistantProviders.Groq.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Groq provider (provider id <c>groq</c>) to AssistantProviders.</summary>
public static class GroqBuilderExtensions
{
    /// <summary>Adds Groq with options from configuration and <c>GROQ_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGroq(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds Groq and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGroq(this IAssistantProvidersBuilder builder, Action<GroqClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds Groq with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Groq</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGroq(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<GroqClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, GroqProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = GroqProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new GroqChatClient(
                ProviderServiceRegistration.GetOptions<GroqClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(GroqChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<GroqChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<GroqChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new GroqSpeechToTextClient(
                ProviderServiceRegistration.GetOptions<GroqClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(GroqSpeechToTextClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<ISpeechToTextClient>(id, static (sp, key) => sp.GetRequiredKeyedService<GroqSpeechToTextClient>(key));
        });
}
