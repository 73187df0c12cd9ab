// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using AssistantProviders;
using AssistantProviders.Sqlite;
using AssistantProviders.Sqlite.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;
using Microsoft.Extensions.VectorData;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds <c>UseSqlite()</c> (budgets and the usage ledger persisted in a SQLite file) and <c>UseSqliteVectorStore()</c> (the
/// embedded vector store persisted in a SQLite file) to <see cref="IAssistantProvidersBuilder"/>.
/// </summary>
public static class SqliteBuilderExtensions
{
    /// <summary>The configuration section under <c>AssistantProviders</c>.</summary>
    public const string SectionName = "Sqlite";

    private const string LoggerCategory = "AssistantProviders.Sqlite";

    /// <summary>Persists budgets and the usage ledger in the SQLite file named by <c>AssistantProviders:Sqlite:Path</c>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseSqlite(this IAssistantProvidersBuilder builder) => UseSqlite(builder, configure: null);

    /// <summary>Persists budgets and the usage ledger in the SQLite file at <paramref name="path"/> (created when missing).</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="path">The database file; it wins over <c>AssistantProviders:Sqlite:Path</c>.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseSqlite(this IAssistantProvidersBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return UseSqlite(builder, o => o.Path = path);
    }

    /// <summary>
    /// Persists budgets and the usage ledger in a SQLite file. Options are bound from <c>AssistantProviders:Sqlite</c>, then
    /// <paramref name="configure"/> runs. A file that cannot be used (not writable, locked, corrupt) does not fail requests:
    /// budgets and the ledger continue in memory, with one error log.
    /// </summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Changes the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseSqlite(this IAssistantProvidersBuilder builder, Action<SqliteStoreOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<SqliteStoreOptions>().Bind(builder.Configuration.GetSection(SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var o = Options(sp);
            var logger = Logger(sp);
            var database = new SqliteDatabase(o, logger, sp.GetRequiredService<SqliteMetrics>());
            if (database.Open() && logger.IsEnabled(LogLevel.Information))
            {
                var areas = o is { PersistBudgets: true, PersistLedger: true } ? "budgets and the usage ledger" : o.PersistBudgets ? "budgets" : o.PersistLedger ? "the usage ledger" : "nothing";
                Log.Enabled(logger, areas, database.FullPath);
            }

            return database;
        });

        // The engine's public store contracts; null (not registered) keeps the in-process default. A later UseSqlite/UseRedis
        // replaces these: the last store registered wins.
        services.RemoveAll<IBudgetStore>();
        services.AddSingleton<IBudgetStore>(sp => Options(sp).PersistBudgets
            ? new SqliteBudgetStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), Options(sp).ReservationTimeout)
            : null!);
        services.RemoveAll<IUsageStore>();
        services.AddSingleton<IUsageStore>(sp => Options(sp).PersistLedger
            ? new SqliteUsageStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>())
            : null!);
        return builder;
    }

    private static SqliteStoreOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

    private static ILogger Logger(IServiceProvider sp) => sp.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;

    /// <summary>
    /// Makes a <see cref="SqliteVectorStore"/> over the file at <paramref name="path"/> the app's <see cref="VectorStore"/>, in place
    /// of the engine's in-memory default: the unkeyed <see cref="VectorStore"/>, <see cref="SqliteVectorStore"/> itself and the
    /// keyed <c>sqlite</c> store are the same singleton (the keyed <c>inmemory</c> store stays). Its embedding generator is the
    /// routed one (used only for text vector properties and text searches). The file may be the one <c>UseSqlite</c> uses.
    /// </summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="path">The database file (created with its folder on first use).</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseSqliteVectorStore(this IAssistantProvidersBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return UseSqliteVectorStore(builder, o => o.Path = path);
    }

    /// <summary>
    /// Makes a <see cref="SqliteVectorStore"/> the app's <see cref="VectorStore"/>, in place of the engine's in-memory default (see
    /// <see cref="UseSqliteVectorStore(IAssistantProvidersBuilder, string)"/>). <paramref name="configure"/> sets the options
    /// (<see cref="SqliteVectorStoreOptions.Path"/> is required); an embedding generator left null is the routed one. Calling it
    /// again replaces the previous SQLite store.
    /// </summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseSqliteVectorStore(this IAssistantProvidersBuilder builder, Action<SqliteVectorStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.RemoveAll<SqliteVectorStore>();
        services.AddSingleton(sp =>
        {
            var options = new SqliteVectorStoreOptions();
            configure(options);
            options.EmbeddingGenerator ??= sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
            return new SqliteVectorStore(options);
        });

        // The engine registers the in-memory store with TryAdd: removing the unkeyed VectorStore replaces the default whatever the
        // order of AddAssistantProviders' later calls; the keyed "inmemory" store is left for code that asks for it by name.
        services.RemoveAll<VectorStore>();
        services.AddSingleton<VectorStore>(static sp => sp.GetRequiredService<SqliteVectorStore>());
        services.RemoveAllKeyed<VectorStore>(SqliteVectorStore.SystemName);
        services.AddKeyedSingleton<VectorStore>(SqliteVectorStore.SystemName, static (sp, _) => sp.GetRequiredService<SqliteVectorStore>());
        return builder;
    }
}
