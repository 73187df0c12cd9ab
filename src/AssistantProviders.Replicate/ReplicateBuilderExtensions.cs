// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Replicate;
using AssistantProviders.Replicate.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Replicate provider (provider id <c>replicate</c>) to AssistantProviders.</summary>
public static class ReplicateBuilderExtensions
{
    /// <summary>Adds Replicate with options from configuration and <c>REPLICATE_API_TOKEN</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddReplicate(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, ReplicateProvider.Definition);

    /// <summary>Adds Replicate and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddReplicate(this IAssistantProvidersBuilder builder, Action<ReplicateClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, ReplicateProvider.Definition, configure);

    /// <summary>Adds Replicate with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Replicate</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddReplicate(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, ReplicateProvider.Definition, section);
}
