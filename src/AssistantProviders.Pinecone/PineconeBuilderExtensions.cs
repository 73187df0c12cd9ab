// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Pinecone;
using AssistantProviders.Pinecone.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Pinecone provider (provider id <c>pinecone</c>) to AssistantProviders: keyed <c>pinecone</c> singletons of
/// <see cref="Microsoft.Extensions.VectorData.VectorStore"/> (and <see cref="PineconeVectorStore"/>, also unkeyed),
/// <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> and <see cref="IRerankClient"/> (which join the embedding and rerank routers).
/// </summary>
public static class PineconeBuilderExtensions
{
    /// <summary>Adds Pinecone with options from configuration and <c>PINECONE_API_KEY</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPinecone(this IAssistantProvidersBuilder builder) =>
        Concrete(ProviderServiceRegistration.Register(builder, PineconeProvider.Definition));

    /// <summary>Adds Pinecone and configures its options in code (applied after configuration).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPinecone(this IAssistantProvidersBuilder builder, Action<PineconeClientOptions> configure) =>
        Concrete(ProviderServiceRegistration.Register(builder, PineconeProvider.Definition, configure));

    /// <summary>Adds Pinecone with options bound from <paramref name="section"/> instead of <c>AssistantProviders:Providers:Pinecone</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddPinecone(this IAssistantProvidersBuilder builder, IConfigurationSection section) =>
        Concrete(ProviderServiceRegistration.Register(builder, PineconeProvider.Definition, section));

    private static IAssistantProvidersBuilder Concrete(IAssistantProvidersBuilder builder)
    {
        builder.Services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<PineconeVectorStore>(PineconeProvider.Id));
        return builder;
    }
}
