// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures the routers on an <see cref="IAssistantProvidersBuilder"/>.</summary>
public static class AssistantProvidersRoutingExtensions
{
    /// <summary>
    /// Configures routing (strategy, aliases, breaker, timeouts, compliance…). The routers are the unkeyed
    /// <c>IChatClient</c>, <c>ISpeechClient</c>, <c>IEmbeddingClient</c> and <c>IRerankClient</c>; they work with defaults
    /// even when this is never called. Values set here are applied after <c>AssistantProviders:Routing</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the routing options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddRouting(this IAssistantProvidersBuilder builder, Action<RoutingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAssistantProviders();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }
}
