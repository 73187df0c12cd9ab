// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.ElevenLabs;
using AssistantProviders.ElevenLabs.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ElevenLabs provider (provider id <c>elevenlabs</c>) to AssistantProviders.</summary>
public static class ElevenLabsBuilderExtensions
{
    /// <summary>Adds ElevenLabs with options from configuration and <c>ELEVENLABS_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddElevenLabs(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, ElevenLabsProvider.Definition);

    /// <summary>Adds ElevenLabs and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddElevenLabs(this IAssistantProvidersBuilder builder, Action<ElevenLabsClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, ElevenLabsProvider.Definition, configure);

    /// <summary>Adds ElevenLabs with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:ElevenLabs</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddElevenLabs(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, ElevenLabsProvider.Definition, section);
}
