// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Together;
using AssistantProviders.Together.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Together provider (provider id <c>together</c>) to AssistantProviders.</summary>
public static class TogetherBuilderExtensions
{
    /// <summary>Adds Together with options from configuration and <c>TOGETHER_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddTogether(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, TogetherProvider.Definition);

    /// <summary>Adds Together and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddTogether(this IAssistantProvidersBuilder builder, Action<TogetherClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, TogetherProvider.Definition, configure);

    /// <summary>Adds Together with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Together</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddTogether(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, TogetherProvider.Definition, section);
}
