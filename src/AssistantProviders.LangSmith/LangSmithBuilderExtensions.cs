// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.LangSmith;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds LangSmith tracing to an <see cref="IAssistantProvidersBuilder"/>.</summary>
public static class LangSmithBuilderExtensions
{
    /// <summary>
    /// Registers OpenTelemetry tracing (<c>services.AddOpenTelemetry().WithTracing(...)</c>) that exports the router's spans to
    /// LangSmith. The key and project are read from <c>LANGCHAIN_API_KEY</c> / <c>LANGCHAIN_PROJECT</c> (environment or <c>.env</c>)
    /// unless <paramref name="configure"/> sets them. Requires a host (the tracer provider starts with it).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the exporter options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddLangSmith(this IAssistantProvidersBuilder builder, Action<LangSmithExporterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddLangSmithExporter(o =>
        {
            o.ApiKey ??= ApiKey.FromString(builder.GetEnvironmentValue(LangSmithExporterOptions.ApiKeyEnvironmentVariable));
            o.Project ??= builder.GetEnvironmentValue(LangSmithExporterOptions.ProjectEnvironmentVariable);
            configure?.Invoke(o);
        }));
        return builder;
    }
}
