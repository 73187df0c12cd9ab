// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Fireworks;
using AssistantProviders.Fireworks.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Fireworks provider (provider id <c>fireworks</c>) to AssistantProviders.</summary>
public static class FireworksBuilderExtensions
{
    /// <summary>Adds Fireworks with options from configuration and <c>FIREWORKS_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddFireworks(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, FireworksProvider.Definition);

    /// <summary>Adds Fireworks and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddFireworks(this IAssistantProvidersBuilder builder, Action<FireworksClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, FireworksProvider.Definition, configure);

    /// <summary>Adds Fireworks with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Fireworks</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddFireworks(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, FireworksProvider.Definition, section);
}
