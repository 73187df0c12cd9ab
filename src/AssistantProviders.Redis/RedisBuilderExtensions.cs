// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using AssistantProviders;
using AssistantProviders.Redis.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssistantProviders.Budgets;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <c>UseRedis()</c> to <see cref="IAssistantProvidersBuilder"/>: budgets, rate limits, the usage ledger and route health shared through Redis.</summary>
public static class RedisBuilderExtensions
{
    /// <summary>The configuration section under <c>AssistantProviders</c>.</summary>
    public const string SectionName = "Redis";

    /// <summary>The environment variable read when no connection string is configured.</summary>
    public const string EnvironmentVariable = "REDIS_URL";

    private const string LoggerCategory = "AssistantProviders.Redis";

    /// <summary>
    /// Shares budgets, rate limits, the ledger and route health through Redis, connecting with
    /// <c>AssistantProviders:Redis:ConnectionString</c> or the <c>REDIS_URL</c> environment variable.
    /// </summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseRedis(this IAssistantProvidersBuilder builder) => UseRedis(builder, configure: null);

    /// <summary>Shares budgets, rate limits, the ledger and route health through the Redis at <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string or a <c>redis://</c> URL; it wins over configuration and <c>REDIS_URL</c>.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseRedis(this IAssistantProvidersBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return UseRedis(builder, o => o.ConnectionString = connectionString);
    }

    /// <summary>
    /// Shares budgets, rate limits, the ledger and route health through Redis. Options are bound from
    /// <c>AssistantProviders:Redis</c>, then <paramref name="configure"/> runs; <c>REDIS_URL</c> fills a missing connection string.
    /// </summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Changes the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder UseRedis(this IAssistantProvidersBuilder builder, Action<RedisOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var fromEnvironment = builder.GetEnvironmentValue(EnvironmentVariable);
        var options = services.AddOptions<RedisOptions>().Bind(builder.Configuration.GetSection(SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(o =>
        {
            if (string.IsNullOrWhiteSpace(o.ConnectionString))
            {
                o.ConnectionString = fromEnvironment;
            }
        });
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RedisMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            var logger = Logger(sp);
            var connection = new RedisConnection(o, logger, sp.GetRequiredService<RedisMetrics>());
            _ = connection.Connect(); // Start connecting now, in the background.
            if (logger.IsEnabled(LogLevel.Information))
            {
                var areas = Areas(o);
                Log.Enabled(logger, areas, o.KeyPrefix);
            }

            return connection;
        });

        // Each store contract resolves to the Redis implementation when its area is shared; null (not registered) keeps the
        // engine's in-process default. A later UseSqlite/UseRedis replaces these: the last store registered wins.
        services.RemoveAll<IBudgetStore>();
        services.AddSingleton<IBudgetStore>(sp => Options(sp).ShareBudgets
            ? new RedisBudgetStore(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<TimeProvider>(), Logger(sp))
            : null!);
        services.RemoveAll<IRateLimitGate>();
        services.AddSingleton<IRateLimitGate>(sp => Options(sp).ShareRateLimits
            ? new RedisRateLimitGate(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<TimeProvider>())
            : null!);
        services.RemoveAll<ISharedRouteHealth>();
        services.AddSingleton<ISharedRouteHealth>(sp => Options(sp).ShareRouteHealth
            ? new RedisRouteHealth(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<TimeProvider>())
            : null!);
        services.RemoveAll<IUsageStore>();
        services.AddSingleton<IUsageStore>(sp => Options(sp).ShareLedger
            ? new RedisUsageStore(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<TimeProvider>(), Logger(sp))
            : null!);
        return builder;
    }

    private static RedisOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<RedisOptions>>().Value;

    private static ILogger Logger(IServiceProvider sp) => sp.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;

    private static string Areas(RedisOptions o)
    {
        var areas = new List<string>(4);
        if (o.ShareBudgets)
        {
            areas.Add("budgets (" + o.OnStoreUnavailable + " when Redis is down)");
        }

        if (o.ShareRateLimits)
        {
            areas.Add("rate limits (" + o.OnRateLimitStoreUnavailable + " when Redis is down)");
        }

        if (o.ShareLedger)
        {
            areas.Add("the usage ledger");
        }

        if (o.ShareRouteHealth)
        {
            areas.Add("route health");
        }

        return areas.Count == 0 ? "nothing" : string.Join(", ", areas);
    }
}
