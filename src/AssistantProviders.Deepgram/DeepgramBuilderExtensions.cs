// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Deepgram;
using AssistantProviders.Deepgram.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Deepgram provider (provider id <c>deepgram</c>) to AssistantProviders.</summary>
public static class DeepgramBuilderExtensions
{
    /// <summary>Adds Deepgram with options from configuration and <c>DEEPGRAM_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddDeepgram(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, DeepgramProvider.Definition);

    /// <summary>Adds Deepgram and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddDeepgram(this IAssistantProvidersBuilder builder, Action<DeepgramClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, DeepgramProvider.Definition, configure);

    /// <summary>Adds Deepgram with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Deepgram</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddDeepgram(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, DeepgramProvider.Definition, section);
}
