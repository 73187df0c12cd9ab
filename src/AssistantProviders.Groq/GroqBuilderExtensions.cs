// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Groq;
using AssistantProviders.Groq.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Groq provider (provider id <c>groq</c>) to AssistantProviders.</summary>
public static class GroqBuilderExtensions
{
    /// <summary>Adds Groq with options from configuration and <c>GROQ_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGroq(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, GroqProvider.Definition);

    /// <summary>Adds Groq and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGroq(this IAssistantProvidersBuilder builder, Action<GroqClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, GroqProvider.Definition, configure);

    /// <summary>Adds Groq with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Groq</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGroq(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, GroqProvider.Definition, section);
}
