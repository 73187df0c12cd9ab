// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using AssistantProviders.Accounting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssistantProviders.Budgets;
using AssistantProviders.Catalog;
using AssistantProviders.Usage;

namespace AssistantProviders.Accounting;

/// <summary>Registers cost, the price catalog, the usage ledger, budgets and model discovery.</summary>
internal static class AccountingServiceCollectionExtensions
{
    /// <summary>The named HTTP client used to probe local model servers.</summary>
    public const string LocalProbeHttpClientName = "AssistantProviders.LocalProbe";

    private const string LoggerCategory = "AssistantProviders.Cost";

    /// <summary>
    /// Registers <see cref="IRequestAccounting"/>, <see cref="IPriceCatalog"/>, <see cref="IUsageLedger"/>,
    /// <see cref="IBudgetManager"/>, <see cref="IModelCatalog"/> and <see cref="TimeProvider.System"/> (all with TryAdd).
    /// Reads <c>Cost</c>, <c>Catalog</c>, <c>Budgets</c> and <c>Discovery</c> under <paramref name="assistantProvidersSection"/>.
    /// The price catalog and budgets are validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="assistantProvidersSection">The <c>AssistantProviders</c> configuration section.</param>
    /// <returns>The services.</returns>
    internal static IServiceCollection AddAssistantProvidersAccounting(this IServiceCollection services, IConfiguration assistantProvidersSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assistantProvidersSection);
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CostOptions>().Bind(assistantProvidersSection.GetSection("Cost")).ValidateOnStart();
        services.AddOptions<BudgetOptions>().Bind(assistantProvidersSection.GetSection("Budgets")).ValidateOnStart();
        services.AddOptions<ModelDiscoveryOptions>().Bind(assistantProvidersSection.GetSection("Discovery")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelDiscoveryOptions>, ModelDiscoveryOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CostOptions>, PriceCatalogStartupValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BudgetOptions>, BudgetOptionsValidator>());
        // The probe never follows a redirect (a 302 to a metadata address must not become a routable model) nor a proxy.
        services.AddHttpClient(LocalProbeHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

        // Each call (AddAssistantProviders may be called again with the real configuration) adds its catalog section as a layer.
        var catalogSection = assistantProvidersSection.GetSection("Catalog");
        // Applying the same section twice is harmless: a layer only overrides fields it sets.
        services.Configure<CatalogConfigurationSources>(s => s.Sections.Add(catalogSection));
        services.TryAddSingleton(sp => PriceCatalog.CreateLayered(
            sp.GetRequiredService<IOptions<CatalogConfigurationSources>>().Value.Sections.Where(s => s.Exists()),
            Logger(sp)));
        services.TryAddSingleton<IPriceCatalog>(sp => sp.GetRequiredService<PriceCatalog>());
        services.TryAddSingleton(sp => new TokenEstimator(Logger(sp)));
        services.TryAddSingleton(sp => new CostMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IUsageLedger>(sp => new UsageLedger(sp.GetRequiredService<TimeProvider>(), sp.GetService<IUsageStore>()));
        services.TryAddSingleton(sp => new BudgetManager(
            sp.GetRequiredService<IOptions<BudgetOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp),
            ProviderMonthlyBudgets(sp),
            sp.GetService<AssistantProviders.Budgets.IBudgetStore>()));
        services.TryAddSingleton<IBudgetManager>(sp => sp.GetRequiredService<BudgetManager>());
        services.TryAddSingleton(sp => new RequestAccounting(
            sp.GetRequiredService<PriceCatalog>(),
            sp.GetRequiredService<BudgetManager>(),
            sp.GetRequiredService<IUsageLedger>(),
            sp.GetRequiredService<TokenEstimator>(),
            sp.GetRequiredService<IOptions<CostOptions>>().Value,
            sp.GetRequiredService<CostMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp)));
        services.TryAddSingleton<IRequestAccounting>(sp => sp.GetRequiredService<RequestAccounting>());
        services.TryAddSingleton<IModelCatalog>(sp => new ModelCatalog(
            sp.GetServices<ProviderRegistration>(),
            id => sp.GetKeyedService<IModelDiscovery>(id),
            sp.GetRequiredService<PriceCatalog>(),
            sp.GetRequiredService<IOptions<ModelDiscoveryOptions>>().Value,
            new LocalModelProbe(sp.GetRequiredService<IHttpClientFactory>().CreateClient(LocalProbeHttpClientName), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp)));
        return services;
    }

    private static ILogger Logger(IServiceProvider sp) => sp.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;

    private static Dictionary<string, decimal> ProviderMonthlyBudgets(IServiceProvider sp)
    {
        var budgets = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in sp.GetServices<ProviderRegistration>())
        {
            try
            {
                if (registration.GetOptions(sp).MonthlyBudgetUsd is { } monthly)
                {
                    budgets[registration.Id] = budgets.TryGetValue(registration.Id, out var existing) ? Math.Min(existing, monthly) : monthly;
                }
            }
            catch (OptionsValidationException)
            {
                // The provider's own validation reports its configuration error; its budget cannot be read.
            }
        }

        return budgets;
    }
}
