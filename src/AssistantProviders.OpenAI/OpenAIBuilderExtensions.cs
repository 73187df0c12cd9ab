// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.OpenAI;
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the OpenAI provider (provider id <c>openai</c>) to AssistantProviders.</summary>
public static class OpenAIBuilderExtensions
{
    /// <summary>Adds OpenAI with options from configuration and <c>OPENAI_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOpenAI(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds OpenAI and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOpenAI(this IAssistantProvidersBuilder builder, Action<OpenAIClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds OpenAI with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:OpenAI</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOpenAI(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<OpenAIClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, OpenAIProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = OpenAIProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new OpenAIChatClient(
                ProviderServiceRegistration.GetOptions<OpenAIClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(OpenAIChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<OpenAIChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<OpenAIChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new OpenAIEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<OpenAIClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(OpenAIEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<OpenAIEmbeddingGenerator>(key));
            services.AddKeyedSingleton(id, (sp, _) => new OpenAISpeechToTextClient(
                ProviderServiceRegistration.GetOptions<OpenAIClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(OpenAISpeechToTextClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<ISpeechToTextClient>(id, static (sp, key) => sp.GetRequiredKeyedService<OpenAISpeechToTextClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new OpenAITextToSpeechClient(
                ProviderServiceRegistration.GetOptions<OpenAIClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(OpenAITextToSpeechClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<ITextToSpeechClient>(id, static (sp, key) => sp.GetRequiredKeyedService<OpenAITextToSpeechClient>(key));
        });
}
