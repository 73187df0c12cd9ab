// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Cohere;
using AssistantProviders.Cohere.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Cohere provider (provider id <c>cohere</c>) to AssistantProviders.</summary>
public static class CohereBuilderExtensions
{
    /// <summary>Adds Cohere with options from configuration and <c>COHERE_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddCohere(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, CohereProvider.Definition);

    /// <summary>Adds Cohere and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddCohere(this IAssistantProvidersBuilder builder, Action<CohereClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, CohereProvider.Definition, configure);

    /// <summary>Adds Cohere with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Cohere</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddCohere(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, CohereProvider.Definition, section);
}
