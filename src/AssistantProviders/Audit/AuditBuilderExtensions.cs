// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Audit;
using AssistantProviders.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssistantProviders.Accounting;
using AssistantProviders.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the audit log to an <see cref="IAssistantProvidersBuilder"/>.</summary>
public static class AuditBuilderExtensions
{
    /// <summary>
    /// Writes one <see cref="AuditRecord"/> per routed request: to the JSONL file at <see cref="AuditOptions.Path"/>, to
    /// <c>ILogger</c> (<see cref="AuditOptions.LogRecords"/>) and to every <see cref="IAuditSink"/> registered in DI. Binds
    /// <c>AssistantProviders:Audit</c>; an audit path that cannot be written fails at start-up (<c>ValidateOnStart</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the audit options (applied after configuration).</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddAudit(this IAssistantProvidersBuilder builder, Action<AuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection("Audit")).ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRouteObserver, AuditObserver>(CreateObserver));
        return builder;
    }

    private static AuditObserver CreateObserver(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<AuditOptions>>();
        var current = options.CurrentValue;
        var factory = services.GetService<ILoggerFactory>();
        var logger = (ILogger?)factory?.CreateLogger("AssistantProviders.Audit") ?? NullLogger.Instance;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var sinks = new List<IAuditSink>();
        if (current.Path is { Length: > 0 } path)
        {
            sinks.Add(new JsonlFileAuditSink(path, current.MaxFileBytes, time, logger));
        }

        if (current.LogRecords ?? current.Path is null)
        {
            sinks.Add(new LoggerAuditSink(logger));
        }

        sinks.AddRange(services.GetServices<IAuditSink>());
        return new AuditObserver(sinks, options, services.GetRequiredService<IOptionsMonitor<RoutingOptions>>(), time, logger, services.GetService<CostMetrics>()?.Meter);
    }
}
