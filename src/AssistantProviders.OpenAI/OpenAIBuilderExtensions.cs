// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.OpenAI;
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the OpenAI provider (provider id <c>openai</c>) to AssistantProviders.</summary>
public static class OpenAIBuilderExtensions
{
    /// <summary>Adds OpenAI with options from configuration and <c>OPENAI_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOpenAI(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, OpenAIProvider.Definition);

    /// <summary>Adds OpenAI and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOpenAI(this IAssistantProvidersBuilder builder, Action<OpenAIClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, OpenAIProvider.Definition, configure);

    /// <summary>Adds OpenAI with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:OpenAI</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddOpenAI(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, OpenAIProvider.Definition, section);
}
