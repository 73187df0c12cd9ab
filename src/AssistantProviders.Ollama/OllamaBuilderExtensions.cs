// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Ollama;
using AssistantProviders.Ollama.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Ollama provider (provider id <c>ollama</c>, local) to AssistantProviders.</summary>
public static class OllamaBuilderExtensions
{
    /// <summary>Adds Ollama with options from configuration, <c>OLLAMA_HOST</c> / <c>OLLAMA_BASE_URL</c> and the optional <c>OLLAMA_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOllama(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds Ollama and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOllama(this IAssistantProvidersBuilder builder, Action<OllamaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds Ollama with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Ollama</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOllama(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<OllamaClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return ProviderServiceRegistration.Register(builder, OllamaProvider.Create(), section, (o, s) =>
        {
            // OLLAMA_HOST is often "host:port" without a scheme, which Uri reads as scheme "host": normalise it like the Ollama CLI.
            var raw = builder.GetEnvironmentValue(OllamaProvider.BaseUrlEnvironmentVariable) ?? builder.GetEnvironmentValue(OllamaProvider.HostEnvironmentVariable);
            if (raw is not null && OllamaEndpoint.Normalize(raw) is { } endpoint)
            {
                o.Endpoint = endpoint;
            }

            if (builder.GetEnvironmentValue(OllamaProvider.ApiKeyEnvironmentVariable) is { } key)
            {
                o.ApiKey = key;
            }

            s.Bind(o);
        }, configure, static (services, httpClientName) =>
        {
            const string id = OllamaProvider.Id;
            services.AddKeyedSingleton(id, (sp, _) => new OllamaChatClient(
                ProviderServiceRegistration.GetOptions<OllamaClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(OllamaChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<OllamaChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<OllamaChatClient>(key));
            services.AddKeyedSingleton(id, (sp, _) => new OllamaEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<OllamaClientOptions>(sp, id),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(OllamaEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<OllamaEmbeddingGenerator>(key));
        });
    }
}
