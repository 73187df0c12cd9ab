// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Mlx;
using AssistantProviders.Mlx.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MLX provider (provider id <c>mlx</c>) to AssistantProviders.</summary>
public static class MlxBuilderExtensions
{
    /// <summary>Adds MLX with options from configuration and <c>MLX_BASE_URL</c> (no key needed).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddMlx(this IAssistantProvidersBuilder builder) =>
        ProviderServiceRegistration.Register(builder, MlxProvider.Definition);

    /// <summary>Adds MLX and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddMlx(this IAssistantProvidersBuilder builder, Action<MlxClientOptions> configure) =>
        ProviderServiceRegistration.Register(builder, MlxProvider.Definition, configure);

    /// <summary>Adds MLX with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Mlx</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddMlx(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        ProviderServiceRegistration.Register(builder, MlxProvider.Definition, section);
}
