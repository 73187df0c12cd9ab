// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.DependencyInjection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using AssistantProviders.Accounting;
using AssistantProviders.Catalog;
using Microsoft.Extensions.Hosting;
using AssistantProviders.Resilience;
using AssistantProviders.Routing;
using AssistantProviders.Telemetry;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.VectorData;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds AssistantProviders to a service collection.</summary>
public static class AssistantProvidersServiceCollectionExtensions
{
    private const string SectionName = "AssistantProviders";

    /// <summary>
    /// Adds the AssistantProviders engine: the unkeyed routers (<see cref="IChatClient"/>, <see cref="ISpeechClient"/>,
    /// <see cref="IEmbeddingClient"/>, <see cref="IRerankClient"/>), the embedded <see cref="VectorStore"/> (an
    /// <see cref="InMemoryVectorStore"/>, also keyed <c>inmemory</c>), <see cref="IProviderHealth"/>, routing options bound from
    /// <c>AssistantProviders:Routing</c> and a start-up check of the provider names under <c>AssistantProviders:Providers</c>.
    /// Calling it again returns a builder over the same state.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app's configuration root (its <c>AssistantProviders</c> section is used), or the section itself.</param>
    /// <returns>A builder on which vendor packages add <c>Add&lt;Vendor&gt;()</c> and the engine adds <c>AddRouting()</c>.</returns>
    public static IAssistantProvidersBuilder AddAssistantProviders(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(AssistantProvidersBuilder) && !d.IsKeyedService)?.ImplementationInstance as AssistantProvidersBuilder;
        if (existing is not null)
        {
            if (configuration is not null && !existing.Configuration.GetChildren().Any())
            {
                existing.Configuration = SectionOf(configuration);
                AddConfiguration(services, existing.Configuration);
            }

            return existing;
        }

        var section = SectionOf(configuration);
        var builder = new AssistantProvidersBuilder(services, section);
        services.AddSingleton(builder);
        services.AddOptions();
        AddConfiguration(services, section);
        services.AddOptions<ProviderSectionsCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderSectionsCheck>, ProviderSectionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderHealthRegistry>();
        services.TryAddSingleton<IProviderHealth>(sp => sp.GetRequiredService<ProviderHealthRegistry>());
        // The built-in spans and metrics are the first route observer, so they see a request before the audit log does.
        services.TryAddSingleton(static sp => new RouteTelemetry(sp.GetService<CostMetrics>()?.Meter));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRouteObserver, RouteTelemetry>(static sp => sp.GetRequiredService<RouteTelemetry>()));
        services.TryAddSingleton(sp => new RouteEngine(sp));

        services.TryAddSingleton(sp => new ChatRouter(sp.GetRequiredService<RouteEngine>()));
        services.TryAddSingleton(sp => new SpeechRouter(sp.GetRequiredService<RouteEngine>()));
        services.TryAddSingleton(sp => new EmbeddingRouter(sp.GetRequiredService<RouteEngine>()));
        services.TryAddSingleton(sp => new RerankRouter(sp.GetRequiredService<RouteEngine>()));
        services.TryAddSingleton(sp => new ImageRouter(sp.GetRequiredService<RouteEngine>()));
        services.TryAddSingleton<IChatClient>(sp => sp.GetRequiredService<ChatRouter>());
        services.TryAddSingleton<ISpeechClient>(sp => sp.GetRequiredService<SpeechRouter>());
        services.TryAddSingleton<ISpeechToTextClient>(sp => sp.GetRequiredService<SpeechRouter>());
        services.TryAddSingleton<ITextToSpeechClient>(sp => sp.GetRequiredService<SpeechRouter>());
        services.TryAddSingleton<IEmbeddingClient>(sp => sp.GetRequiredService<EmbeddingRouter>());
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<EmbeddingRouter>());
        services.TryAddSingleton<IRerankClient>(sp => sp.GetRequiredService<RerankRouter>());
        services.TryAddSingleton<IImageGenerator>(sp => sp.GetRequiredService<ImageRouter>());

        // RoutingStrategy.Auto's classifier: semantic when examples are configured (over the routed embeddings), else heuristic.
        services.TryAddSingleton<IRequestClassifier>(static sp =>
        {
            var auto = sp.GetRequiredService<IOptions<RoutingOptions>>().Value.Auto;
            var heuristic = new HeuristicRequestClassifier(auto);
            return auto.Semantic.Examples.Values.Any(examples => examples.Count > 0)
                ? new SemanticRequestClassifier(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), auto.Semantic, heuristic)
                : heuristic;
        });

        // The embedded vector store is the unkeyed default (RAG runs offline) and keyed "inmemory"; vendor stores add their own keys.
        // Its embedding generator is the routed one, used only for text vector properties and text searches.
        services.TryAddSingleton(static sp => new InMemoryVectorStore(new InMemoryVectorStoreOptions { EmbeddingGenerator = sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() }));
        services.TryAddSingleton<VectorStore>(static sp => sp.GetRequiredService<InMemoryVectorStore>());
        services.TryAddKeyedSingleton<VectorStore>(InMemoryVectorStore.SystemName, static (sp, _) => sp.GetRequiredService<InMemoryVectorStore>());
        return builder;
    }

    private static void AddConfiguration(IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<RoutingOptions>().Bind(section.GetSection("Routing"));
        AssistantProviders.Accounting.AccountingServiceCollectionExtensions.AddAssistantProvidersAccounting(services, section);
        AddCatalogRefresh(services, section.GetSection("Catalog"));
    }

    /// <summary>
    /// The price catalog refresh (<c>AssistantProviders:Catalog:RefreshUrl</c>, off by default): its options validated at start, a
    /// named HTTP client that never follows a redirect, and a hosted service that runs only under a host and only with a URL set.
    /// </summary>
    private static void AddCatalogRefresh(IServiceCollection services, IConfiguration catalogSection)
    {
        services.AddOptions<CatalogRefreshOptions>().Bind(catalogSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogRefreshOptions>, CatalogRefreshOptionsValidator>());
        services.AddHttpClient(PriceCatalogRefreshService.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PriceCatalogRefreshService>(static sp => new PriceCatalogRefreshService(
            sp.GetRequiredService<PriceCatalog>(),
            sp.GetRequiredService<IOptions<CatalogRefreshOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PriceCatalogRefreshService.HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("AssistantProviders.Cost"))));
    }

    private static IConfiguration SectionOf(IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return new ConfigurationBuilder().Build();
        }

        if (configuration is IConfigurationSection own && string.Equals(own.Key, SectionName, StringComparison.OrdinalIgnoreCase))
        {
            return own;
        }

        var section = configuration.GetSection(SectionName);
        if (section.Exists())
        {
            return section;
        }

        // The caller passed the section's contents directly.
        return configuration.GetSection("Providers").Exists() || configuration.GetSection("Routing").Exists() ? configuration : section;
    }
}
