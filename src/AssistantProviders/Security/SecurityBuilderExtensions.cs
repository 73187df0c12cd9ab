// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AssistantProviders.Security;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the router's security settings (tenant allow-lists, PII detection) to an <see cref="IAssistantProvidersBuilder"/>.</summary>
public static class SecurityBuilderExtensions
{
    /// <summary>Binds <c>AssistantProviders:Security</c> (per-tenant allow-lists) and applies <paramref name="configure"/> after it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the security options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddSecurity(this IAssistantProvidersBuilder builder, Action<SecurityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection("Security"));
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Registers a PII detector that may raise a request's data class from its content before routing (never lowers it).
    /// Without <paramref name="detector"/> the built-in <see cref="RegexPiiDetector"/> is used.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="detector">The detector, or <see langword="null"/> for <see cref="RegexPiiDetector"/>.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPiiDetection(this IAssistantProvidersBuilder builder, IPiiDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSecurity();
        builder.Services.TryAddSingleton(detector ?? new RegexPiiDetector());
        return builder;
    }
}
