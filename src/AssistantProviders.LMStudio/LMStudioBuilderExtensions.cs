// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.LMStudio;
using AssistantProviders.LMStudio.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the LM Studio provider (provider id <c>lmstudio</c>) to AssistantProviders.</summary>
public static class LMStudioBuilderExtensions
{
    /// <summary>Adds LM Studio with options from configuration and <c>LMSTUDIO_BASE_URL</c> (no key needed).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLMStudio(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, LMStudioProvider.Definition);

    /// <summary>Adds LM Studio and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLMStudio(this IAssistantProvidersBuilder builder, Action<LMStudioClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, LMStudioProvider.Definition, configure);

    /// <summary>Adds LM Studio with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:LMStudio</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLMStudio(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, LMStudioProvider.Definition, section);
}
