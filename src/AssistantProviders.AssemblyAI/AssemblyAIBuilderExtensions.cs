// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.AssemblyAI;
using AssistantProviders.AssemblyAI.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the AssemblyAI provider (provider id <c>assemblyai</c>) to AssistantProviders.</summary>
public static class AssemblyAIBuilderExtensions
{
    /// <summary>Adds AssemblyAI with options from configuration and <c>ASSEMBLYAI_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAssemblyAI(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, AssemblyAIProvider.Definition);

    /// <summary>Adds AssemblyAI and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAssemblyAI(this IAssistantProvidersBuilder builder, Action<AssemblyAIClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, AssemblyAIProvider.Definition, configure);

    /// <summary>Adds AssemblyAI with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:AssemblyAI</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAssemblyAI(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, AssemblyAIProvider.Definition, section);
}
