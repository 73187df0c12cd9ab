// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Gemini;
using AssistantProviders.Gemini.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Google Gemini provider (provider id <c>gemini</c>) to AssistantProviders.</summary>
public static class GeminiBuilderExtensions
{
    /// <summary>Adds Gemini with options from configuration and <c>GEMINI_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGemini(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, GeminiProvider.Definition);

    /// <summary>Adds Gemini and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGemini(this IAssistantProvidersBuilder builder, Action<GeminiClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, GeminiProvider.Definition, configure);

    /// <summary>Adds Gemini with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Gemini</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddGemini(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, GeminiProvider.Definition, section);
}
