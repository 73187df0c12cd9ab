// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.Weaviate;
using AssistantProviders.Weaviate.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Weaviate vector store (provider id <c>weaviate</c>) to AssistantProviders: a keyed <c>VectorStore</c> (key <c>weaviate</c>)
/// and the concrete <see cref="WeaviateVectorStore"/> (keyed and unkeyed, one instance), configured from <c>AssistantProviders:Providers:Weaviate</c>, <c>WEAVIATE_URL</c>
/// and <c>WEAVIATE_API_KEY</c>.
/// </summary>
public static class WeaviateBuilderExtensions
{
    /// <summary>Adds Weaviate with options from configuration, <c>WEAVIATE_URL</c> and <c>WEAVIATE_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddWeaviate(this IAssistantProvidersBuilder builder) =>
        AddConcrete(ProviderServiceRegistration.Register(builder, WeaviateProvider.Definition));

    /// <summary>Adds Weaviate and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddWeaviate(this IAssistantProvidersBuilder builder, Action<WeaviateClientOptions> configure) =>
        AddConcrete(ProviderServiceRegistration.Register(builder, WeaviateProvider.Definition, configure));

    /// <summary>Adds Weaviate with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Weaviate</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddWeaviate(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        AddConcrete(ProviderServiceRegistration.Register(builder, WeaviateProvider.Definition, section));

    // The concrete store unkeyed too (the keyed one is the same instance), for code that asks for WeaviateVectorStore directly.
    private static IAssistantProvidersBuilder AddConcrete(IAssistantProvidersBuilder builder)
    {
        builder.Services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<WeaviateVectorStore>(WeaviateProvider.Id));
        return builder;
    }
}
