// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Ollama;
using AssistantProviders.Ollama.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Ollama provider (provider id <c>ollama</c>, local) to AssistantProviders.</summary>
public static class OllamaBuilderExtensions
{
    /// <summary>Adds Ollama with options from configuration, <c>OLLAMA_HOST</c> / <c>OLLAMA_BASE_URL</c> and the optional <c>OLLAMA_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOllama(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, OllamaProvider.Definition);

    /// <summary>Adds Ollama and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOllama(this IAssistantProvidersBuilder builder, Action<OllamaClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, OllamaProvider.Definition, configure);

    /// <summary>Adds Ollama with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Ollama</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOllama(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, OllamaProvider.Definition, section);
}
