// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.HuggingFace;
using AssistantProviders.HuggingFace.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the HuggingFace provider (provider id <c>huggingface</c>) to AssistantProviders.</summary>
public static class HuggingFaceBuilderExtensions
{
    /// <summary>Adds HuggingFace with options from configuration and <c>HF_TOKEN</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddHuggingFace(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, HuggingFaceProvider.Definition);

    /// <summary>Adds HuggingFace and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddHuggingFace(this IAssistantProvidersBuilder builder, Action<HuggingFaceClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, HuggingFaceProvider.Definition, configure);

    /// <summary>Adds HuggingFace with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:HuggingFace</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddHuggingFace(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, HuggingFaceProvider.Definition, section);
}
