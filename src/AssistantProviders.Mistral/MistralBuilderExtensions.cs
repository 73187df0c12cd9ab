// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Mistral;
using AssistantProviders.Mistral.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Mistral provider (provider id <c>mistral</c>) to AssistantProviders.</summary>
public static class MistralBuilderExtensions
{
    /// <summary>Adds Mistral with options from configuration and <c>MISTRAL_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddMistral(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, MistralProvider.Definition);

    /// <summary>Adds Mistral and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddMistral(this IAssistantProvidersBuilder builder, Action<MistralClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, MistralProvider.Definition, configure);

    /// <summary>Adds Mistral with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Mistral</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddMistral(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, MistralProvider.Definition, section);
}
