// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Perplexity;
using AssistantProviders.Perplexity.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Perplexity provider (provider id <c>perplexity</c>) to AssistantProviders.</summary>
public static class PerplexityBuilderExtensions
{
    /// <summary>Adds Perplexity with options from configuration and <c>PERPLEXITY_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPerplexity(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, PerplexityProvider.Definition);

    /// <summary>Adds Perplexity and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPerplexity(this IAssistantProvidersBuilder builder, Action<PerplexityClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, PerplexityProvider.Definition, configure);

    /// <summary>Adds Perplexity with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Perplexity</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPerplexity(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, PerplexityProvider.Definition, section);
}
