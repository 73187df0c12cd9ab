// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Anthropic;
using AssistantProviders.Anthropic.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Anthropic provider (provider id <c>anthropic</c>) to AssistantProviders.</summary>
public static class AnthropicBuilderExtensions
{
    /// <summary>Adds Anthropic with options from configuration, <c>ANTHROPIC_API_KEY</c> and <c>ANTHROPIC_BASE_URL</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAnthropic(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, AnthropicProvider.Definition);

    /// <summary>Adds Anthropic and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAnthropic(this IAssistantProvidersBuilder builder, Action<AnthropicClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, AnthropicProvider.Definition, configure);

    /// <summary>Adds Anthropic with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Anthropic</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAnthropic(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, AnthropicProvider.Definition, section);
}
